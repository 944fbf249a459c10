package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.analysis.CellGrid;
import io.hypermax.results.internal.analysis.LossScale;
import io.hypermax.results.internal.charts.ChartStyle;
import java.util.List;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.analysis.PairScatter;
import io.hypermax.results.internal.analysis.Reduction;
import io.hypermax.results.internal.analysis.Stats;
import io.hypermax.results.internal.analysis.ValueKey;
import io.hypermax.results.internal.charts.HeatMapChart;
import io.hypermax.results.internal.charts.PairScatterChart;
import io.hypermax.results.internal.charts.Png;
import java.io.IOException;
import java.nio.file.Path;
import io.hypermax.results.internal.files.FileNames;
import io.hypermax.core.stability.API;

/**
 * Everything in {@code <p1>/<p2>/} for one unordered pair of numeric parameters ({@code results.charts: all}; p1 is
 * the one listed first in the space, so each pair is drawn once, not once per order): loss matrices (min, mean,
 * median; all results and top 10%), the response matrices of the same data, the two-parameter scatters and the time
 * matrix, each PNG with its CSV. Matrix cells without results are left empty, and the binned trials are drawn as
 * dots over every matrix.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
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
          lossMatrix(obs, fraction, grid, "Loss Matrix" + titleSuffix, subtitle(grid, fraction), dir, loss);
          responseMatrix(obs, fraction, grid, "Response Matrix" + titleSuffix, dir, response);
        });
      }
      String scatter = "scatter_" + top + pair;
      Attempt.run(notes, where + scatter + ".png", () -> scatter(obs, x, y, fraction, dir, scatter));
    }
    String time = "time_matrix_" + pair;
    Attempt.run(notes, where + time + ".png", () -> {
      CellGrid grid = grid(obs, x, y, ValueKey.TIME, 1, Reduction.MIN);
      lossMatrix(obs, 1, grid, "Time Matrix", subtitle(grid, 1), dir, time);
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
        + " results (dots); grey: no result in the cell";
  }

  /** Colour of each occupied cell: its value's position on the {@link LossScale} of the occupied cells; NaN if empty. */
  static double[][] positions(CellGrid g, LossScale scale) {
    double[][] pos = new double[g.width()][g.height()];
    for (int i = 0; i < g.width(); i++) {
      for (int j = 0; j < g.height(); j++) {
        pos[i][j] = g.empty(i, j) ? Double.NaN : scale.position(g.values()[i][j]);
      }
    }
    return pos;
  }

  private static void lossMatrix(
      Observations obs, double fraction, CellGrid g, String title, String subtitle, Path dir, String name) throws IOException {
    LossScale scale = LossScale.of(g.occupiedValues());
    double[][] pos = positions(g, scale);
    ChartFile.write(matrixCsv(g, pos), dir.resolve(name + ".csv"), dir.resolve(name + ".png"), MATRIX_WIDTH, MATRIX_HEIGHT,
        () -> HeatMapChart.create(g, pos, title + " of " + g.x().path() + " vs " + g.y().path(), subtitle,
            ChartStyle.colourBar(g.key().label(), scale), points(obs, g, fraction)));
  }

  private static void responseMatrix(Observations obs, double fraction, CellGrid g, String title, Path dir, String name)
      throws IOException {
    double[][] ranks = g.rowRanks();
    ChartFile.write(matrixCsv(g, ranks), dir.resolve(name + ".csv"), dir.resolve(name + ".png"), MATRIX_WIDTH, MATRIX_HEIGHT,
        () -> HeatMapChart.create(g, ranks, title + " of " + g.x().path() + " vs " + g.y().path(),
            "colour: rank within each row (" + g.y().path() + " bucket), 0 = best of the row; grey: no result",
            ChartStyle.colourBar("rank within row", new LossScale(false, 0, 1)), points(obs, g, fraction)));
  }

  private static List<double[]> points(Observations obs, CellGrid g, double fraction) {
    return CellGrid.selected(obs, g.x(), g.y(), g.key(), fraction).stream()
        .map(o -> new double[] {o.number(g.x().path()), o.number(g.y().path())})
        .toList();
  }

  /** One row per cell: its bucket ranges, the value drawn (empty when no result), how many results, its colour. */
  static CsvTable matrixCsv(CellGrid g, double[][] colour) {
    String x = g.x().path();
    String y = g.y().path();
    CsvTable t = new CsvTable(x + "_low", x + "_high", y + "_low", y + "_high", g.key().label(), "count", "color");
    for (int j = g.height() - 1; j >= 0; j--) {
      for (int i = 0; i < g.width(); i++) {
        t.row(g.xBuckets().low(i), g.xBuckets().high(i), g.yBuckets().low(j), g.yBuckets().high(j),
            Stats.round(g.values()[i][j], 4), g.counts()[i][j], Stats.round(colour[i][j], 4));
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
    String sub = results + (fraction < 1 ? " best" : "") + " results; best loss of each point; larger = better";
    ChartFile.write(t, dir.resolve(name + ".csv"), dir.resolve(name + ".png"), SCATTER_WIDTH, SCATTER_HEIGHT,
        () -> PairScatterChart.create(s, title, sub));
  }
}
