package io.hypermax.results.internal.detail;

import io.hypermax.results.internal.analysis.History;
import io.hypermax.results.internal.analysis.Importance;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.charts.HistoryChart;
import io.hypermax.results.internal.charts.ImportanceChart;
import io.hypermax.results.internal.charts.Png;
import java.nio.file.Path;
import io.hypermax.core.stability.API;

/** The study-wide charts in the results root: {@code optimization_history} and {@code importance}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class OverviewOutputs {
  public static final String HISTORY = "optimization_history";
  public static final String IMPORTANCE = "importance";

  private OverviewOutputs() {}

  public static void writeHistory(Observations obs, Path root, Notes notes) {
    Attempt.run(notes, HISTORY + ".png", () -> {
      History h = history(obs);
      CsvTable t = new CsvTable("trial", "loss", "best_so_far");
      h.entries().forEach(e -> t.row(e.trial(), e.loss(), e.bestSoFar()));
      ChartFile.write(t, root.resolve(HISTORY + ".csv"), root.resolve(HISTORY + ".png"), 1000, 550, () -> HistoryChart.create(h));
    });
  }

  public static void writeImportance(Observations obs, Path root, Notes notes) {
    Attempt.run(notes, IMPORTANCE + ".png", () -> {
      Importance imp = importance(obs);
      CsvTable t = new CsvTable("parameter", "omega_squared", "share", "groups", "share_low", "share_high");
      imp.entries().forEach(e -> t.row(e.parameter(), e.omegaSquared(), e.share(), e.groups(), e.low(), e.high()));
      int height = Math.max(350, 120 + 45 * imp.entries().size());
      ChartFile.write(
          t, root.resolve(IMPORTANCE + ".csv"), root.resolve(IMPORTANCE + ".png"), 900, height, () -> ImportanceChart.create(imp));
    });
  }

  static History history(Observations obs) {
    if (obs.size() == 0) {
      throw new Skip("no complete results yet");
    }
    return History.of(obs);
  }

  /** Importance, or a Skip explaining why it cannot be computed. */
  public static Importance importance(Observations obs) {
    if (obs.size() < Importance.MIN_RESULTS) {
      throw new Skip("needs at least " + Importance.MIN_RESULTS + " results");
    }
    if (obs.numeric().isEmpty() && obs.categorical().isEmpty()) {
      throw new Skip("no parameters to rank");
    }
    return Importance.compute(obs);
  }
}
