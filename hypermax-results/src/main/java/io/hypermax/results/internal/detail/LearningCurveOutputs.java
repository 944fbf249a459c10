package io.hypermax.results.internal.detail;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.internal.charts.LearningCurveChart;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import io.hypermax.core.stability.API;

/**
 * {@code learning_curves.png} and {@code learning_curves.csv} (the points drawn: trial, status, step, value):
 * the values trials reported while running, pruned trials marked. Drawn only when some trial reported values.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LearningCurveOutputs {
  public static final String NAME = "learning_curves";

  private LearningCurveOutputs() {}

  public static void write(StudySnapshot snapshot, Path root, Notes notes) {
    List<LearningCurve> curves = snapshot.curves().sorted();
    if (curves.isEmpty()) {
      return; // a study without reports: no chart, and nothing to note
    }
    Attempt.run(notes, NAME + ".png", () -> {
      CsvTable t = new CsvTable("trial", "status", "step", "value");
      for (LearningCurve c : curves) {
        String status = c.status().name().toLowerCase(Locale.ROOT);
        for (int i = 0; i < c.size(); i++) {
          t.row(c.trial(), status, c.step(i), c.value(i));
        }
      }
      String label = snapshot.direction() == io.hypermax.core.objective.Direction.MAXIMIZE ? "reported value (higher is better)" : "reported value";
      ChartFile.write(t, root.resolve(NAME + ".csv"), root.resolve(NAME + ".png"), 1000, 550, () -> LearningCurveChart.create(curves, label));
    });
  }
}
