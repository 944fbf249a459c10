package io.hypermax.optimizers.internal.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.dbr.Tuner;
import io.hypermax.core.dbr.TuningResult;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The define-by-run Tuner's trial reports through its pruner; pruned trials are PRUNED in the project's journal. */
class TunerPruningTest {
  @TempDir Path dir;

  @Test
  void theTunersTrialReportsAndIsPruned() {
    Tuner<Double> tuner = Tuner.<Double>builder(hp -> hp.suggestFloat("x", 0, 1), (trial, x) -> {
      double loss = Double.NaN;
      for (int epoch = 1; epoch <= 16; epoch++) {
        loss = x + 1.0 / epoch;
        if (trial.report(epoch, loss)) {
          return loss;
        }
      }
      return loss;
    }).projectDir(dir).method("random").seed(4).maxTrials(30).writeResults(false)
        .pruner(Map.of("type", "successive_halving", "min_resource", 1, "reduction_factor", 2))
        .build();
    TuningResult result = tuner.search();
    assertEquals(30, result.trials().size());
    StoredStudy stored = Journal.read(dir);
    long pruned = stored.finished().stream().filter(t -> t.status() == TrialStatus.PRUNED).count();
    assertTrue(pruned >= 10, "pruned " + pruned + " of 30");
    assertTrue(stored.intermediates().size() < 30 * 16 / 2, "pruning saved steps: " + stored.intermediates().size());
    assertTrue(stored.finished().stream().filter(t -> t.status() == TrialStatus.PRUNED).allMatch(t -> t.result().prunedStep() >= 1));
  }
}
