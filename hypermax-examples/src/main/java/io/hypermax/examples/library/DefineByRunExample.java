package io.hypermax.examples.library;

import io.hypermax.core.stability.API;

// snippet:dbr-imports
import io.hypermax.core.dbr.HyperParameters;
import io.hypermax.core.dbr.Tuner;
import io.hypermax.core.dbr.TuningResult;
import java.nio.file.Path;
import java.util.List;
// end:dbr-imports

/** Define-by-run: the space is whatever the build function asks for (StoRM's and Optuna's style). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DefineByRunExample {
  private DefineByRunExample() {}

  /** Stands in for a real model: its score is lowest at units = 64, lr = 0.01. */
  record Model(int units, double lr) {
    double fitAndScore() {
      return Math.abs(units - 64) / 64.0 + Math.abs(Math.log10(lr) + 2);
    }
  }

  public static TuningResult run(Path projectDir) {
    // snippet:define-by-run
    Tuner<Model> tuner = Tuner.builder(
            (HyperParameters hp) -> new Model(hp.param("units", List.of(32, 64, 128), true),
                                              hp.suggestFloat("lr", 1e-4, 1e-1, true)),
            (trial, model) -> model.fitAndScore())
        .projectDir(projectDir).direction("minimize").maxTrials(30).seed(42).build();
    TuningResult result = tuner.search();
    // end:define-by-run
    return result;
  }
}
