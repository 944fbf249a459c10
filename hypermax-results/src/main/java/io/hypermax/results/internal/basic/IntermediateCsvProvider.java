package io.hypermax.results.internal.basic;

import com.google.auto.service.AutoService;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import java.nio.file.Path;
import java.util.List;
import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.core.stability.API;


/**
 * {@code intermediate.csv}: every value trials reported while running ({@code trial, status, step, value}),
 * by trial then step; a pruned trial's last row is the step it was stopped at. Rewritten in the
 * background (it grows with every report); not written for studies where no trial reported anything.
 */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class IntermediateCsvProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "intermediate.csv";

  @Override
  public String id() {
    return "intermediate_csv";
  }

  @Override
  public String description() {
    return "intermediate.csv: the values every trial reported by step (learning curves), with the trial's status.";
  }

  @Override
  public ResultGenerator create(Context context) {
    Path file = context.directory().resolve(FILE_NAME);
    return ResultGenerator.expensive(snapshot -> {
      List<LearningCurve> curves = snapshot.curves().sorted();
      if (curves.isEmpty()) {
        return;
      }
      StringBuilder s = new StringBuilder("trial,status,step,value\n");
      for (LearningCurve c : curves) {
        String status = c.status().name();
        for (int i = 0; i < c.size(); i++) {
          double v = c.value(i);
          s.append(c.trial()).append(',').append(status).append(',').append(c.step(i)).append(',')
              .append(Double.isNaN(v) ? "" : Double.toString(v)).append('\n');
        }
      }
      AtomicFiles.write(file, s.toString());
    });
  }

}
