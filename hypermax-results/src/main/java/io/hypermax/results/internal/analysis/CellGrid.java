package io.hypermax.results.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * A two-parameter matrix: the best {@code fraction} of results binned into (up to) 10×10 cells over
 * the range those results span, each cell reduced to one value. Only the selected results are
 * binned, so the top-10% matrices really show only the top 10%.
 *
 * <p>Cells that hold no result stay empty (NaN value, count 0) and are not drawn: the original filled them from
 * their neighbours and smoothed over them, so a 10×10 matrix of 40 trials was mostly invented colour.
 *
 * @param values values[i][j] for x bucket i (p1) and y bucket j (p2)
 * @param badness the same with the direction applied (lower is better), for colouring
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record CellGrid(
    NumericParameter x,
    NumericParameter y,
    ValueKey key,
    Reduction reduction,
    Buckets xBuckets,
    Buckets yBuckets,
    double[][] values,
    double[][] badness,
    int[][] counts) {

  public static final int SIZE = 10;

  public static CellGrid compute(
      Observations obs, NumericParameter x, NumericParameter y, ValueKey key, double fraction, Reduction reduction) {
    List<Observation> selected = selected(obs, x, y, key, fraction);
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("no results with both " + x.path() + " and " + y.path());
    }
    Buckets bx = Buckets.compute(selected.stream().mapToDouble(o -> o.number(x.path())).toArray(), x, SIZE);
    Buckets by = Buckets.compute(selected.stream().mapToDouble(o -> o.number(y.path())).toArray(), y, SIZE);
    int nx = bx.count();
    int ny = by.count();
    List<List<Observation>> cells = new ArrayList<>();
    for (int i = 0; i < nx * ny; i++) {
      cells.add(new ArrayList<>());
    }
    for (Observation o : selected) {
      int i = bx.indexOf(o.number(x.path()));
      int j = by.indexOf(o.number(y.path()));
      if (i >= 0 && j >= 0) {
        cells.get(i * ny + j).add(o);
      }
    }
    double[][] values = new double[nx][ny];
    double[][] badness = new double[nx][ny];
    int[][] counts = new int[nx][ny];
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        List<Observation> cell = cells.get(i * ny + j);
        counts[i][j] = cell.size();
        if (cell.isEmpty()) {
          values[i][j] = Double.NaN;
          badness[i][j] = Double.NaN;
          continue;
        }
        double[] v = cell.stream().mapToDouble(o -> o.value(key)).toArray();
        double[] b = cell.stream().mapToDouble(o -> o.badness(key)).toArray();
        values[i][j] = reduction.reduce(v, b);
        badness[i][j] = key == ValueKey.LOSS ? obs.direction().score(values[i][j]) : values[i][j];
      }
    }
    return new CellGrid(x, y, key, reduction, bx, by, values, badness, counts);
  }

  public int width() {
    return values.length;
  }

  public int height() {
    return values[0].length;
  }

  /** The results a grid of these arguments bins (also drawn as points over it). */
  public static List<Observation> selected(
      Observations obs, NumericParameter x, NumericParameter y, ValueKey key, double fraction) {
    return Observations.best(obs.withNumbers(key, x.path(), y.path()), fraction, o -> o.badness(key));
  }

  /** Whether cell (i, j) held no result. */
  public boolean empty(int i, int j) {
    return counts[i][j] == 0;
  }

  /** The values of the cells that hold results. */
  public double[] occupiedValues() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < width(); i++) {
      for (int j = 0; j < height(); j++) {
        if (!empty(i, j)) {
          out.add(values[i][j]);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Colour positions in [0, 1] for a response matrix: within each row (one y bucket), a cell's rank
   * among the row's occupied cells divided by their number (ties take the first rank); 0.5 for a row whose
   * occupied cells are all equal; NaN for empty cells.
   */
  public double[][] rowRanks() {
    int nx = width();
    int ny = height();
    double[][] out = new double[nx][ny];
    for (int j = 0; j < ny; j++) {
      List<Double> occupied = new ArrayList<>();
      for (int i = 0; i < nx; i++) {
        if (!empty(i, j)) {
          occupied.add(badness[i][j]);
        }
      }
      double[] row = occupied.stream().mapToDouble(Double::doubleValue).toArray();
      boolean constant = Stats.constant(row);
      for (int i = 0; i < nx; i++) {
        if (empty(i, j)) {
          out[i][j] = Double.NaN;
          continue;
        }
        int smaller = 0;
        for (double v : row) {
          if (v < badness[i][j]) {
            smaller++;
          }
        }
        out[i][j] = constant ? 0.5 : (double) smaller / row.length;
      }
    }
    return out;
  }
}
