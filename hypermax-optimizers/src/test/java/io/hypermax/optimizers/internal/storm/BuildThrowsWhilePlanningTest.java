package io.hypermax.optimizers.internal.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.dbr.HyperParameters;
import io.hypermax.core.dbr.TrialRecord;
import io.hypermax.core.dbr.Tuner;
import io.hypermax.core.dbr.TuningResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A define-by-run build function that throws during StoRM's planning (dry) run gives a FAILED
 * trial carrying the exception, and the search goes on to its budget instead of stopping.
 */
class BuildThrowsWhilePlanningTest {
  @TempDir Path project;

  static String build(HyperParameters hp) {
    String activation = hp.param("activation", List.of("tanh", "relu", "elu"));
    int width = hp.param("width", List.of(8, 16, 32, 64), true);
    if (activation.equals("elu") && width > 8) {
      throw new IllegalArgumentException("elu is not supported above width 8");
    }
    return activation + "/" + width;
  }

  @Test
  void aBuildThatThrowsWhilePlanningIsAFailedTrialAndTheSearchGoesOn() {
    TuningResult r =
        Tuner.builder(BuildThrowsWhilePlanningTest::build, (trial, model) -> (double) model.length())
            .projectDir(project)
            .method("storm")
            .seed(4)
            .maxTrials(12)
            .maxConsecutiveFailures(0)
            .writeResults(false)
            .build()
            .search();
    assertEquals(12, r.trials().size(), "the search reached its budget: " + r.trials());
    List<TrialRecord> failed = r.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).toList();
    assertTrue(!failed.isEmpty(), "some proposal hit the throwing combination: " + r.trials());
    for (TrialRecord t : failed) {
      assertTrue(t.error().contains("IllegalArgumentException") && t.error().contains("elu is not supported"), t.error());
    }
    assertTrue(r.trials().stream().anyMatch(TrialRecord::isComplete));
  }
}
