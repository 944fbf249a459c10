package io.hypermax.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's side of pruning: decisions, PRUNED results, and what a crash keeps. */
class PruningStudyTest {
  @TempDir Path dir;

  static final Pruner AT_STEP_2 = r -> r.step() >= 2;

  private Study study(Pruner pruner) {
    StoredStudy stored = Journal.exists(dir) ? Journal.read(dir) : null;
    Journal journal = Journal.open(dir);
    if (stored == null) {
      journal.recordStudy(1);
    }
    Study.Builder b = Study.builder(StudyTest.SPACE, new PriorSampler()).seed(1).iterations(5).journal(journal)
        .pruner(pruner, PrunerSettings.NONE);
    if (stored != null) {
      b.restore(stored);
    }
    return b.build();
  }

  @Test
  void aPrunedTrialIsPrunedWhateverItReturnsWithItsLastValueAndStep() {
    try (Study s = study(AT_STEP_2)) {
      Trial t = s.ask();
      assertFalse(s.report(t, 1, 0.9));
      assertTrue(s.report(t, 2, 0.7));
      assertTrue(s.report(t, 3, 0.1), "once pruned, stays pruned");
      Trial done = s.tell(t, 0.05); // the function returned a (partial) loss anyway
      assertEquals(TrialStatus.PRUNED, done.status());
      assertEquals(0.7, done.loss(), "the last value reported before the decision");
      assertEquals(2, done.result().prunedStep());
      assertEquals(2, s.curves().get(t.number()).size(), "reports after the decision are ignored");
      assertEquals(1, s.snapshot().prunedCount());
      assertTrue(s.snapshot().best().isEmpty(), "a pruned trial is never the best");
    }
  }

  @Test
  void aDecisionMadeBeforeACrashStandsOnResumeAndTheTrialDoesNotRunAgain() {
    int number;
    try (Study s = study(AT_STEP_2)) {
      Trial t = s.ask();
      number = t.number();
      s.report(t, 1, 0.9);
      s.report(t, 2, 0.6);
      // the process dies here: no tell
    }
    try (Study resumed = study(AT_STEP_2)) {
      Trial again = resumed.snapshot().finished().stream().filter(t -> t.number() == number).findFirst().orElseThrow();
      assertEquals(TrialStatus.PRUNED, again.status());
      assertEquals(0.6, again.loss());
      assertEquals(2, again.result().prunedStep());
      assertEquals(number + 1, resumed.ask().number(), "the pruned trial is not run again");
    }
    assertEquals(TrialStatus.PRUNED, Journal.read(dir).finished().get(0).status(), "and it is journaled as PRUNED");
  }

  @Test
  void anUnprunedTrialRunningAtTheCrashRunsAgainWithAFreshCurve() {
    try (Study s = study(AT_STEP_2)) {
      s.report(s.ask(), 1, 0.9);
    }
    try (Study resumed = study(AT_STEP_2)) {
      Trial rerun = resumed.ask();
      assertEquals(0, rerun.number());
      assertTrue(resumed.curves().get(0) == null, "the re-run starts its curve anew");
      assertFalse(resumed.report(rerun, 1, 0.8));
      assertEquals(0.8, resumed.curves().get(0).value(0));
    }
  }

  @Test
  void aFailingPrunerDoesNotStopTheTrial() {
    try (Study s = study(r -> { throw new IllegalStateException("bug"); })) {
      Trial t = s.ask();
      assertFalse(s.report(t, 1, 0.5));
      assertEquals(TrialStatus.COMPLETE, s.tell(t, 0.4).status());
    }
  }
}
