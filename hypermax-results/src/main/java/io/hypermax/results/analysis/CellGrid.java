package io.hypermax.results.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-parameter matrix: the best {@code fraction} of results binned into (up to) 10×10 cells over
 * the range those results span, each cell reduced to one value. Only the selected results are
 * binned, so the top-10% matrices really show only the top 10%.
 *
 * <p>Empty cells are filled with the mean of the nearest non-empty cells (squared grid distance,
 * ties averaged) so the picture has no holes; {@link #filled} says which ones were.
 *
 * @param values values[i][j] for x bucket i (p1) and y bucket j (p2)
 * @param badness the same with the direction applied (lower is better), for colouring
 */
public record CellGrid(
    NumericParameter x,
    NumericParameter y,
    ValueKey key,
    Reduction reduction,
    Buckets xBuckets,
    Buckets yBuckets,
    double[][] values,
    double[][] badness,
    int[][] counts,
    boolean[][] filled) {

  public static final int SIZE = 10;

  public static CellGrid compute(
      Observations obs, NumericParameter x, NumericParameter y, ValueKey key, double fraction, Reduction reduction) {
    List<Observation> selected =
        Observations.best(obs.withNumbers(key, x.path(), y.path()), fraction, o -> o.badness(key));
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
    boolean[][] filled = new boolean[nx][ny];
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        List<Observation> cell = cells.get(i * ny + j);
        counts[i][j] = cell.size();
        if (cell.isEmpty()) {
          filled[i][j] = true;
          continue;
        }
        double[] v = cell.stream().mapToDouble(o -> o.value(key)).toArray();
        double[] b = cell.stream().mapToDouble(o -> o.badness(key)).toArray();
        values[i][j] = reduction.reduce(v, b);
        badness[i][j] = key == ValueKey.LOSS ? obs.direction().score(values[i][j]) : values[i][j];
      }
    }
    fillEmpty(values, filled);
    fillEmpty(badness, filled);
    return new CellGrid(x, y, key, reduction, bx, by, values, badness, counts, filled);
  }

  private static void fillEmpty(double[][] grid, boolean[][] empty) {
    int nx = grid.length;
    int ny = grid[0].length;
    double[][] source = new double[nx][];
    for (int i = 0; i < nx; i++) {
      source[i] = grid[i].clone();
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        if (!empty[i][j]) {
          continue;
        }
        long bestDistance = Long.MAX_VALUE;
        double sum = 0;
        int n = 0;
        for (int a = 0; a < nx; a++) {
          for (int b = 0; b < ny; b++) {
            if (empty[a][b]) {
              continue;
            }
            long d = (long) (a - i) * (a - i) + (long) (b - j) * (b - j);
            if (d < bestDistance) {
              bestDistance = d;
              sum = 0;
              n = 0;
            }
            if (d == bestDistance) {
              sum += source[a][b];
              n++;
            }
          }
        }
        grid[i][j] = n == 0 ? 0 : sum / n;
      }
    }
  }

  public int width() {
    return values.length;
  }

  public int height() {
    return values[0].length;
  }

  /** Every cell's badness, for percentile colour stops. */
  public double[] allBadness() {
    double[] out = new double[width() * height()];
    int k = 0;
    for (double[] col : badness) {
      for (double v : col) {
        out[k++] = v;
      }
    }
    return out;
  }

  /**
   * Colour positions in [0, 1] for a response matrix: within each row (one y bucket), a cell's rank
   * among the row's cells divided by the row length (ties take the first rank); 0.5 for a row whose
   * cells are all equal.
   */
  public double[][] rowRanks() {
    int nx = width();
    int ny = height();
    double[][] out = new double[nx][ny];
    for (int j = 0; j < ny; j++) {
      double[] row = new double[nx];
      for (int i = 0; i < nx; i++) {
        row[i] = badness[i][j];
      }
      boolean constant = Stats.constant(row);
      for (int i = 0; i < nx; i++) {
        int smaller = 0;
        for (double v : row) {
          if (v < row[i]) {
            smaller++;
          }
        }
        out[i][j] = constant ? 0.5 : (double) smaller / nx;
      }
    }
    return out;
  }
}
