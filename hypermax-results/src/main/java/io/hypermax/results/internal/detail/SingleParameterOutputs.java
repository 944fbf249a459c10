package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.analysis.Buckets;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.analysis.ParameterSeries;
import io.hypermax.results.internal.analysis.Reduction;
import io.hypermax.results.internal.analysis.ValueKey;
import io.hypermax.results.internal.charts.Png;
import io.hypermax.results.internal.charts.SeriesChart;
import java.io.IOException;
import java.nio.file.Path;
import io.hypermax.results.internal.files.FileNames;
import io.hypermax.core.stability.API;

/**
 * Everything in {@code <p>/} for one numeric parameter: loss and time against the parameter, every
 * result and bucketed (20 buckets; min, mean, median), for all results and for the top 10%, each
 * PNG with the CSV of exactly its points and trend.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SingleParameterOutputs {
  public static final int BUCKETS = 20;
  public static final double TOP = 0.1;
  static final int WIDTH = 840;
  static final int HEIGHT = 560;

  private SingleParameterOutputs() {}

  public static void write(Observations obs, NumericParameter p, Path root, Notes notes) {
    String n = FileNames.safe(p.path());
    Path dir = root.resolve(n);
    raw(obs, p, ValueKey.LOSS, 1, dir, "loss_chart_" + n, "losses_" + n, "Loss Chart", notes);
    raw(obs, p, ValueKey.LOSS, TOP, dir, "loss_chart_top_10_percent_" + n, "losses_top_10_percent_" + n,
        "Loss Chart (top 10%)", notes);
    for (Reduction r : Reduction.values()) {
      String red = r.label();
      bucketed(obs, p, ValueKey.LOSS, 1, r, dir, "loss_chart_" + red + "_bucketed_" + n,
          "losses_" + red + "_bucketed_" + n, "Loss Chart (%s, " + red + ")", notes);
      bucketed(obs, p, ValueKey.LOSS, TOP, r, dir, "loss_chart_top_10_percent_" + red + "_bucketed_" + n,
          "losses_top_10_percent_" + red + "_bucketed_" + n, "Loss Chart (%s, " + red + ", top 10%%)", notes);
    }
    raw(obs, p, ValueKey.TIME, 1, dir, "time_chart_" + n, "times_" + n, "Time Chart", notes);
    raw(obs, p, ValueKey.TIME, TOP, dir, "time_chart_top_10_percent_" + n, "times_top_10_percent_" + n,
        "Time Chart (fastest 10%)", notes);
    bucketed(obs, p, ValueKey.TIME, 1, Reduction.MEAN, dir, "time_chart_bucketed_" + n, "times_bucketed_" + n,
        "Time Chart (%s, mean)", notes);
  }

  private static void raw(
      Observations obs, NumericParameter p, ValueKey key, double fraction, Path dir, String png, String csv,
      String title, Notes notes) {
    Attempt.run(notes, p.path() + "/" + png + ".png", () -> {
      ParameterSeries s = ParameterSeries.raw(obs, p, key, fraction);
      requireDrawable(s);
      CsvTable t = new CsvTable(p.path(), key.label(), "trial", "trend");
      for (ParameterSeries.Point pt : s.points()) {
        t.row(pt.x(), pt.value(), pt.trial(), s.trend().at(pt.x()));
      }
      emit(s, title, describe(s, fraction), dir, png, csv, t);
    });
  }

  private static void bucketed(
      Observations obs, NumericParameter p, ValueKey key, double fraction, Reduction r, Path dir, String png,
      String csv, String title, Notes notes) {
    Attempt.run(notes, p.path() + "/" + png + ".png", () -> {
      ParameterSeries s = ParameterSeries.bucketed(obs, p, key, fraction, r, BUCKETS);
      requireDrawable(s);
      String chartTitle = String.format(java.util.Locale.ROOT, title, bucketWords(obs, p, key, fraction));
      CsvTable t = new CsvTable("bucket_low", "bucket_high", p.path(), key.label(), "count", "trend");
      for (ParameterSeries.Point pt : s.points()) {
        t.row(pt.low(), pt.high(), pt.x(), pt.value(), pt.count(), s.trend().at(pt.x()));
      }
      int results = s.points().stream().mapToInt(ParameterSeries.Point::count).sum();
      String sub = r.label() + " of each bucket; " + results
          + (fraction < 1 ? (key == ValueKey.TIME ? " fastest results" : " best results") : " results")
          + (p.log() ? "; log-spaced buckets" : "");
      emit(s, chartTitle, sub, dir, png, csv, t);
    });
  }

  /**
   * "20 buckets", or "one bucket per value" for a rounded parameter with few values: the original titled a chart of
   * an integer with 4 values "20 buckets".
   */
  static String bucketWords(Observations obs, NumericParameter p, ValueKey key, double fraction) {
    Buckets b = ParameterSeries.bucketsFor(obs, p, key, fraction, BUCKETS);
    if (b == null) {
      return BUCKETS + " buckets";
    }
    return b.perValue(p) ? "one bucket per value" : b.count() + " bucket" + (b.count() == 1 ? "" : "s");
  }

  private static void requireDrawable(ParameterSeries s) {
    if (s.points().isEmpty()) {
      throw new Skip("no results with a value for " + s.parameter().path());
    }
    double[] xs = s.xs();
    if (Buckets.distinct(xs) < 2) {
      throw new Skip(
          s.points().size() < 2 && s.points().get(0).count() < 2
              ? "fewer than 2 results"
              : s.parameter().path() + " has a single value in these results");
    }
  }

  private static String describe(ParameterSeries s, double fraction) {
    int n = s.points().size();
    String best = s.key() == ValueKey.TIME ? "fastest " : "best ";
    return fraction < 1 ? best + n + " results" : n + " results";
  }

  private static void emit(
      ParameterSeries s, String title, String subtitle, Path dir, String png, String csv, CsvTable table)
      throws IOException {
    ChartFile.write(table, dir.resolve(csv + ".csv"), dir.resolve(png + ".png"), WIDTH, HEIGHT,
        () -> SeriesChart.create(s, title + " for " + s.parameter().path(), subtitle));
  }
}
