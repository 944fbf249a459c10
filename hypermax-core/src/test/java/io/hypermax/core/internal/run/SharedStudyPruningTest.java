package io.hypermax.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.storage.CurveUpdates;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shared-study worker's pruner sees, with reads of only what is new, exactly the curves it saw when every report
 * reloaded the whole study.
 */
class SharedStudyPruningTest {

  @Test
  void incrementalReadsGiveThePrunerTheCurvesOfAWholeReloadAcrossWorkersRequeuesAndDeaths() {
    int comparisons = 0;
    for (long seed = 1; seed <= 6; seed++) {
      InMemorySharedStorage storage = new InMemorySharedStorage();
      SharedPruningScenario.Counts c = new SharedPruningScenario(seed, 40, 4).run(() -> storage);
      assertCovered(c, "seed " + seed);
      comparisons += c.comparisons();
    }
    assertTrue(comparisons > 1000, "pruner calls compared: " + comparisons);
  }

  @Test
  void theDefaultWholeStudyReadGivesTheSameCurves() {
    InMemorySharedStorage storage = InMemorySharedStorage.readingWholeStudies();
    assertCovered(new SharedPruningScenario(3, 40, 4).run(() -> storage), "whole-study reads");
  }

  private static void assertCovered(SharedPruningScenario.Counts c, String what) {
    assertTrue(c.comparisons() > 100, what + ": pruner calls compared: " + c);
    assertTrue(c.requeuedClaims() > 0, what + ": re-queued trials were claimed again: " + c);
    assertTrue(c.lateReports() > 0, what + ": a worker reported for a trial it had lost: " + c);
    assertTrue(c.prunes() > 0, what + ": the pruner stopped trials: " + c);
    assertTrue(c.finishedCurvesSeen() > 0, what + ": the pruner saw finished curves: " + c);
    assertTrue(c.deaths() > 0, what + ": workers died: " + c);
  }

  /** A status can be read before its trial's last value (two queries); the value's curve still gets it. */
  @Test
  void aStatusReadBeforeItsTrialsValuesStaysWithTheCurve() {
    Script reads = new Script();
    SharedCurves curves = new SharedCurves(reads);
    reads.add(List.of(new StoredStudy.Intermediate(1, 1, 0.5)), Map.of(2, TrialStatus.COMPLETE), false);
    reads.add(List.of(new StoredStudy.Intermediate(2, 1, 0.25), new StoredStudy.Intermediate(1, 2, 0.4)), Map.of(), false);
    curves.refresh();
    LearningCurves seen = curves.refresh();
    assertEquals(TrialStatus.COMPLETE, seen.get(2).status(), "trial 2's status came first, its value second");
    assertEquals(TrialStatus.RUNNING, seen.get(1).status());
    assertEquals(List.of(CurveUpdates.Cursor.START, new CurveUpdates.Cursor(1, 1)), reads.asked,
        "each read starts where the last answer said");
  }

  /** A complete answer replaces what was read before; this worker's own curve stays in front until it is released. */
  @Test
  void aCompleteAnswerReplacesTheStoredCurvesButNotTheOwnOnes() {
    Script reads = new Script();
    SharedCurves curves = new SharedCurves(reads);
    reads.add(List.of(new StoredStudy.Intermediate(1, 1, 0.5), new StoredStudy.Intermediate(3, 1, 9)), Map.of(), false);
    curves.refresh();
    curves.reported(3, 1, 0.75); // this worker re-runs trial 3: its abandoned run's value is not shown
    reads.add(List.of(new StoredStudy.Intermediate(3, 1, 9), new StoredStudy.Intermediate(3, 1, 0.75)),
        Map.of(1, TrialStatus.PRUNED), true); // trial 1's values were dropped
    LearningCurves seen = curves.refresh();
    assertEquals(null, seen.get(1), "trial 1 has no values any more: no curve, status or not");
    assertEquals(0.75, seen.get(3).lastValue());
    LearningCurve mine = curves.release(3);
    assertEquals(0.75, mine.lastValue(), "the curve this run reported");
    assertEquals(0.75, seen.get(3).lastValue(), "the stored curve shows again: the journal's last value for step 1");
    assertEquals(1, seen.get(3).size());
  }

  /** Scripted answers of {@code curvesSince}, one per read; records the cursors it was asked with. */
  private static final class Script implements java.util.function.Function<CurveUpdates.Cursor, CurveUpdates> {
    final Deque<CurveUpdates> answers = new ArrayDeque<>();
    final List<CurveUpdates.Cursor> asked = new ArrayList<>();

    void add(List<StoredStudy.Intermediate> values, Map<Integer, TrialStatus> finished, boolean complete) {
      answers.add(new CurveUpdates(values, finished, complete, new CurveUpdates.Cursor(answers.size() + 1, answers.size() + 1)));
    }

    @Override
    public CurveUpdates apply(CurveUpdates.Cursor cursor) {
      asked.add(cursor);
      return answers.remove();
    }
  }
}
