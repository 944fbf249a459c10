package io.hypermax.results.internal.detail;

import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.stability.API;
import io.hypermax.results.internal.analysis.AtpeActions;
import io.hypermax.results.internal.charts.AtpeActionsChart;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code atpe_actions.png} and {@code atpe_actions.csv} (trial, action, family, status, loss, best_loss: the points
 * drawn): which {@code search.method: atpe} action made each suggestion. Drawn only when trials carry
 * {@code atpe.action} metadata.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AtpeActionOutputs {
  public static final String NAME = "atpe_actions";

  private AtpeActionOutputs() {}

  public static void write(StudySnapshot snapshot, Path root, Notes notes) {
    AtpeActions actions = AtpeActions.of(snapshot);
    if (actions.isEmpty()) {
      return; // another optimizer: no chart, and nothing to note
    }
    Attempt.run(notes, NAME + ".png", () -> {
      CsvTable t = new CsvTable("trial", "action", "family", "status", "loss", "best_loss");
      for (AtpeActions.Entry e : actions.entries()) {
        t.row(e.trial(), e.action(), e.family(), e.status().name().toLowerCase(Locale.ROOT), e.loss(), e.bestSoFar());
      }
      int height = 520 + 22 * actions.actions().size();
      ChartFile.write(t, root.resolve(NAME + ".csv"), root.resolve(NAME + ".png"), 1100, height, () -> AtpeActionsChart.create(actions));
    });
  }
}
