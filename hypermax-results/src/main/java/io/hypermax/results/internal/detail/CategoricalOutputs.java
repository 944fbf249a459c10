package io.hypermax.results.internal.detail;

import io.hypermax.core.space.Parameter;
import io.hypermax.results.internal.analysis.CategoryStats;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.charts.CategoryCharts;
import io.hypermax.results.internal.charts.Png;
import java.nio.file.Path;
import io.hypermax.results.internal.files.FileNames;
import io.hypermax.core.stability.API;

/** {@code <p>/loss_box_<p>} and {@code <p>/loss_strip_<p>} for a categorical parameter (enum, boolean or branch choice). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CategoricalOutputs {
  private CategoricalOutputs() {}

  public static void write(Observations obs, Parameter p, Path root, Notes notes) {
    String n = FileNames.safe(p.path());
    Path dir = root.resolve(n);
    String box = "loss_box_" + n;
    String strip = "loss_strip_" + n;
    Attempt.run(notes, p.path() + "/" + box + ".png", () -> {
      CategoryStats stats = stats(obs, p);
      CsvTable t = new CsvTable(p.path(), "count", "min", "q1", "median", "q3", "max", "mean");
      for (CategoryStats.Group g : stats.groups()) {
        t.row(g.label(), g.count(), g.min(), g.q1(), g.median(), g.q3(), g.max(), g.mean());
      }
      ChartFile.write(t, dir.resolve(box + ".csv"), dir.resolve(box + ".png"), 900, 600, () -> CategoryCharts.box(stats));
    });
    Attempt.run(notes, p.path() + "/" + strip + ".png", () -> {
      CategoryStats stats = stats(obs, p);
      CsvTable t = new CsvTable(p.path(), "trial", "loss", "x");
      for (int i = 0; i < stats.groups().size(); i++) {
        CategoryStats.Group g = stats.groups().get(i);
        for (int k = 0; k < g.count(); k++) {
          t.row(g.label(), g.trials()[k], g.losses()[k], i + CategoryCharts.jitter(g.trials()[k]));
        }
      }
      ChartFile.write(t, dir.resolve(strip + ".csv"), dir.resolve(strip + ".png"), 900, 600, () -> CategoryCharts.strip(stats));
    });
  }

  private static CategoryStats stats(Observations obs, Parameter p) {
    CategoryStats stats = CategoryStats.of(obs, p);
    if (stats.groups().isEmpty()) {
      throw new Skip("no results with a value for " + p.path());
    }
    return stats;
  }
}
