package io.hypermax.results.detail;

import io.hypermax.results.analysis.CellGrid;
import io.hypermax.results.analysis.ColorStops;
import io.hypermax.results.analysis.NumericParameter;
import io.hypermax.results.analysis.Observations;
import io.hypermax.results.analysis.PairScatter;
import io.hypermax.results.analysis.Reduction;
import io.hypermax.results.analysis.Stats;
import io.hypermax.results.analysis.ValueKey;
import io.hypermax.results.charts.HeatMapChart;
import io.hypermax.results.charts.PairScatterChart;
import io.hypermax.results.charts.Png;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Everything in {@code <p1>/<p2>/} for one ordered pair of numeric parameters: loss matrices
 * (min, mean, median; all results and top 10%), the response matrices of the same data, the
 * two-parameter scatters and the time matrix, each PNG with its CSV.
 */
public final class PairOutputs {
  static final int MATRIX_WIDTH = 780;
  static final int MATRIX_HEIGHT = 660;
  static final int SCATTER_WIDTH = 760;
  static final int SCATTER_HEIGHT = 620;

  private PairOutputs() {}

  public static void write(Observations obs, NumericParameter x, NumericParameter y, Path root, Notes notes) {
    String nx = FileNames.safe(x.path());
    String ny = FileNames.safe(y.path());
    Path dir = root.resolve(nx).resolve(ny);
    String pair = nx + "_" + ny;
    String where = x.path() + "/" + y.path() + "/";
    if (obs.withNumbers(ValueKey.LOSS, x.path(), y.path()).size() < 2) {
      // e.g. parameters of two different anyOf branches: never active in the same trial
      notes.add(where, "skipped, fewer than 2 results have both " + x.path() + " and " + y.path());
      return;
    }
    for (double fraction : new double[] {1, SingleParameterOutputs.TOP}) {
      String top = fraction < 1 ? "top_10_percent_" : "";
      for (Reduction r : Reduction.values()) {
        String red = r.label();
        String loss = "loss_matrix_" + top + red + "_" + pair;
        String response = "response_matrix_" + top + red + "_" + pair;
        String titleSuffix = fraction < 1 ? " (top 10 percent, " + red + ")" : " (" + red + ")";
        // The response matrix is drawn from the same grid: a skipped grid skips both, and the note says so.
        Attempt.run(notes, where + loss + ".png and " + response + ".png", () -> {
          CellGrid grid = grid(obs, x, y, ValueKey.LOSS, fraction, r);
          lossMatrix(grid, "Loss Matrix" + titleSuffix, subtitle(grid, fraction), dir, loss);
          responseMatrix(grid, "Response Matrix" + titleSuffix, dir, response);
        });
      }
      String scatter = "scatter_" + top + pair;
      Attempt.run(notes, where + scatter + ".png", () -> scatter(obs, x, y, fraction, dir, scatter));
    }
    String time = "time_matrix_" + pair;
    Attempt.run(notes, where + time + ".png", () -> {
      CellGrid grid = grid(obs, x, y, ValueKey.TIME, 1, Reduction.MIN);
      lossMatrix(grid, "Time Matrix", subtitle(grid, 1), dir, time);
    });
  }

  private static CellGrid grid(
      Observations obs, NumericParameter x, NumericParameter y, ValueKey key, double fraction, Reduction r) {
    CellGrid grid = CellGrid.compute(obs, x, y, key, fraction, r);
    int results = total(grid);
    if (results < 2) {
      throw new Skip("fewer than 2 results");
    }
    if (grid.width() < 2 || grid.height() < 2) {
      throw new Skip((grid.width() < 2 ? x.path() : y.path()) + " has a single value in these results");
    }
    return grid;
  }

  private static int total(CellGrid g) {
    int n = 0;
    for (int[] col : g.counts()) {
      for (int c : col) {
        n += c;
      }
    }
    return n;
  }

  private static String subtitle(CellGrid g, double fraction) {
    String what = g.key() == ValueKey.TIME ? "time" : "loss";
    return g.reduction().label() + " " + what + " of each cell; " + total(g) + (fraction < 1 ? " best" : "")
        + " results; italic: empty cell, filled from its neighbours";
  }

  /** Global colours: percentile stops over the cells, blue = best 5%, red = worst 10%. */
  static double[][] globalPositions(CellGrid g) {
    double[] all = g.allBadness();
    double min = Stats.min(all);
    double max = Stats.max(all);
    double[][] pos = new double[g.width()][g.height()];
    for (int i = 0; i < g.width(); i++) {
      for (int j = 0; j < g.height(); j++) {
        pos[i][j] = ColorStops.position(g.badness()[i][j], min, max);
      }
    }
    return pos;
  }

  private static void lossMatrix(CellGrid g, String title, String subtitle, Path dir, String name) throws IOException {
    double[][] pos = globalPositions(g);
    ChartFile.write(matrixCsv(g, pos), dir.resolve(name + ".csv"), dir.resolve(name + ".png"), MATRIX_WIDTH, MATRIX_HEIGHT,
        () -> lossMatrixChart(g, pos, title, subtitle));
  }

  /** A loss (or time) matrix chart with global percentile colours; the legend runs from the best to the worst cell. */
  static org.jfree.chart.JFreeChart lossMatrixChart(CellGrid g, double[][] positions, String title, String subtitle) {
    double[] ends = bestAndWorst(g);
    return HeatMapChart.create(g, positions, ColorStops.percentiles(g.allBadness()),
        title + " of " + g.x().path() + " vs " + g.y().path(), subtitle, g.key().label(), ends[0], ends[1]);
  }

  private static void responseMatrix(CellGrid g, String title, Path dir, String name) throws IOException {
    double[][] ranks = g.rowRanks();
    ChartFile.write(matrixCsv(g, ranks), dir.resolve(name + ".csv"), dir.resolve(name + ".png"), MATRIX_WIDTH, MATRIX_HEIGHT,
        () -> HeatMapChart.create(g, ranks, ColorStops.FIXED, title + " of " + g.x().path() + " vs " + g.y().path(),
            "colour: rank within each row (" + g.y().path() + " bucket); blue = best of the row",
            "rank within row", 0, 1));
  }

  /** The value of the best cell and of the worst cell (what the blue and red ends of the legend mean). */
  private static double[] bestAndWorst(CellGrid g) {
    double bestB = Double.POSITIVE_INFINITY;
    double worstB = Double.NEGATIVE_INFINITY;
    double best = 0;
    double worst = 0;
    for (int i = 0; i < g.width(); i++) {
      for (int j = 0; j < g.height(); j++) {
        if (g.badness()[i][j] < bestB) {
          bestB = g.badness()[i][j];
          best = g.values()[i][j];
        }
        if (g.badness()[i][j] > worstB) {
          worstB = g.badness()[i][j];
          worst = g.values()[i][j];
        }
      }
    }
    return new double[] {best, worst};
  }

  /** One row per cell: its bucket ranges, the value drawn, how many results it held, and its colour position. */
  static CsvTable matrixCsv(CellGrid g, double[][] colour) {
    String x = g.x().path();
    String y = g.y().path();
    CsvTable t = new CsvTable(x + "_low", x + "_high", y + "_low", y + "_high", g.key().label(), "count", "filled", "color");
    for (int j = g.height() - 1; j >= 0; j--) {
      for (int i = 0; i < g.width(); i++) {
        t.row(g.xBuckets().low(i), g.xBuckets().high(i), g.yBuckets().low(j), g.yBuckets().high(j),
            Stats.round(g.values()[i][j], 4), g.counts()[i][j], g.filled()[i][j], Stats.round(colour[i][j], 4));
      }
    }
    return t;
  }

  private static void scatter(
      Observations obs, NumericParameter x, NumericParameter y, double fraction, Path dir, String name)
      throws IOException {
    PairScatter s = PairScatter.compute(obs, x, y, fraction);
    int results = s.points().stream().mapToInt(PairScatter.Point::count).sum();
    if (results < 2) {
      throw new Skip("fewer than 2 results");
    }
    CsvTable t = new CsvTable(x.path(), y.path(), "loss", "count", "color", "size");
    for (PairScatter.Point p : s.points()) {
      t.row(p.x(), p.y(), p.loss(), p.count(), Stats.round(p.color(), 4), Stats.round(p.size(), 4));
    }
    String title = (fraction < 1 ? "Scatter Chart (top 10 percent)" : "Scatter Chart") + " of " + x.path() + " vs " + y.path();
    String sub = results + (fraction < 1 ? " best" : "") + " results; best loss of each point; large and blue = good";
    ChartFile.write(t, dir.resolve(name + ".csv"), dir.resolve(name + ".png"), SCATTER_WIDTH, SCATTER_HEIGHT,
        () -> PairScatterChart.create(s, title, sub));
  }
}
