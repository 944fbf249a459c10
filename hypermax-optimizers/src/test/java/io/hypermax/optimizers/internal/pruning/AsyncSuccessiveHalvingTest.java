package io.hypermax.optimizers.internal.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.optimizers.internal.random.RandomSearchProvider;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ASHA on 4 parallel workers: no worker waits for another (4 trials run at once throughout), pruned
 * trials are recorded with their last value and step at a rung, the best configuration is never
 * pruned, and the curves and decisions are back after reopening the journal.
 */
class AsyncSuccessiveHalvingTest {
  static final SearchSpace SPACE = new SearchSpace(List.of(Parameter.of("x", NumberDistribution.uniform(0, 1))));
  static final int MAX_STEPS = 16;

  /** Curves that keep their order at every step: the final loss is x, earlier steps add 1/step. */
  static double loss(double x, int step) {
    return x + 1.0 / step;
  }

  @Test
  void fourWorkersNeverWaitAndThePrunedTrialsAreRecorded(@TempDir Path dir) throws Exception {
    Pruner asha = Curves.create(new SuccessiveHalvingProvider(), Map.of("min_resource", 1, "reduction_factor", 2));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger steps = new AtomicInteger();
    Set<Integer> stoppedByHandle = java.util.concurrent.ConcurrentHashMap.newKeySet();
    int trials = 40;
    Study.Outcome outcome;
    try (Study study = study(dir, asha, trials)) {
      outcome = study.run(new FunctionExecutor((p, trial) -> {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
          double x = ((Number) p.get("x")).doubleValue();
          for (int step = 1; step <= MAX_STEPS; step++) {
            Thread.sleep(3);
            steps.incrementAndGet();
            if (trial.report(step, loss(x, step))) {
              stoppedByHandle.add(trial.number());
              return loss(x, step);
            }
          }
          return x;
        } finally {
          running.decrementAndGet();
        }
      }), 4, null);
    }
    assertEquals(4, maxRunning.get(), "4 trials ran at once: ASHA decides without waiting for other trials");
    List<Trial> finished = outcome.snapshot().finished();
    assertEquals(trials, finished.size());
    List<Trial> pruned = finished.stream().filter(t -> t.status() == TrialStatus.PRUNED).toList();
    assertTrue(pruned.size() >= trials / 2, "most trials are pruned: " + pruned.size());
    assertEquals(outcome.snapshot().prunedCount(), pruned.size());
    for (Trial t : pruned) {
      assertTrue(stoppedByHandle.contains(t.number()), "the function heard the decision of trial " + t.number());
      LearningCurve c = outcome.snapshot().curves().get(t.number());
      long step = t.result().prunedStep();
      assertEquals(c.lastStep(), step);
      assertEquals(c.lastValue(), t.loss(), 0);
        // Rungs at 1, 2, 4, 8 and 16 (min_resource 1, reduction factor 2; the last step of a curve is a rung too).
        assertTrue(Set.of(1L, 2L, 4L, 8L, 16L).contains(step), "pruned at a rung step, not " + step);
    }
    Trial bestX = finished.stream().min(java.util.Comparator.comparingDouble(t -> ((Number) t.flatParameters().get("x")).doubleValue())).orElseThrow();
    assertEquals(TrialStatus.COMPLETE, bestX.status(), "the configuration best at every step is never pruned");
    assertEquals(bestX, outcome.snapshot().best().orElseThrow());
    assertTrue(steps.get() < trials * MAX_STEPS / 2, "pruning saved more than half the steps: " + steps.get());

    // Everything is in the journal: curves, PRUNED results and the decisions.
    StoredStudy stored = Journal.read(dir);
    assertEquals(steps.get(), stored.intermediates().size(), "every reported value was journaled");
    long decisions = stored.customEvents().stream().filter(e -> e.path("event").asText().equals(Study.PRUNE_EVENT)).count();
    assertEquals(pruned.size(), decisions);
    try (Study reopened = study(dir, asha, trials)) {
      for (Trial t : pruned) {
        Trial again = reopened.snapshot().finished().stream().filter(r -> r.number() == t.number()).findFirst().orElseThrow();
        assertEquals(TrialStatus.PRUNED, again.status());
        assertEquals(t.result().prunedStep(), again.result().prunedStep());
        assertEquals(t.loss(), again.loss(), 0);
        assertEquals(outcome.snapshot().curves().get(t.number()).lastValue(), reopened.curves().get(t.number()).lastValue(), 0);
      }
    }
  }

  static Study study(Path dir, Pruner pruner, int trials) {
    StoredStudy stored = Journal.exists(dir) ? Journal.read(dir) : null;
    Journal journal = Journal.open(dir);
    if (stored == null) {
      journal.recordStudy(5);
    }
    var optimizer = new RandomSearchProvider().create(new OptimizerProvider.Context(SPACE, ConfigNode.empty(null, "search"), 5));
    Study.Builder b = Study.builder(SPACE, optimizer).seed(5).iterations(trials).journal(journal)
        .pruner(pruner, PrunerSettings.NONE);
    if (stored != null) {
      b.restore(stored);
    }
    return b.build();
  }

  @Test
  void aPrunedResultKeepsItsStepInTheMetadata() {
    TrialResult r = TrialResult.pruned(0.5, 8, 1.0);
    assertEquals(8, r.prunedStep());
    assertEquals(TrialStatus.PRUNED, r.status());
  }
}
