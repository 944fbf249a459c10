package io.hypermax.optimizers.internal.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.TrialStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each shipped pruner's decisions on hand-made curves, checked against Optuna's definitions. */
class PrunerDecisionsTest {

  @Test
  void medianPrunesAboveTheMedianOfCompleteTrialsAtTheSameStep() {
    Pruner median = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 3));
    Curves c = Curves.minimize().complete(0, 1.0, 0.8, 0.6).complete(1, 2.0, 1.6, 1.2).complete(2, 3.0, 2.4, 1.8);
    // medians at steps 1..3: 2.0, 1.6, 1.2
    assertFalse(c.report(median, 3, 1, 1.9), "better than the median of step 1");
    assertFalse(c.report(median, 3, 2, 1.6), "equal to the median is not worse");
    assertTrue(c.report(median, 3, 3, 1.5), "its best (1.5) is worse than the median of step 3 (1.2)");
  }

  @Test
  void medianUsesTheTrialsBestValueSoFarAsOptunaDoes() {
    Pruner median = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 1));
    Curves c = Curves.minimize().complete(0, 5.0, 1.0);
    assertFalse(c.report(median, 1, 1, 0.5));
    assertFalse(c.report(median, 1, 2, 3.0), "a bad step after a good one: the best so far (0.5) decides");
  }

  @Test
  void medianWaitsForStartupTrialsWarmupStepsAndIntervals() {
    Curves c = Curves.minimize().complete(0, 1.0, 1.0, 1.0, 1.0).complete(1, 1.0, 1.0, 1.0, 1.0);
    Pruner startup = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 3));
    assertFalse(c.report(startup, 2, 1, 9.0), "only 2 complete trials of 3 start-up trials");

    Pruner warmup = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 1, "n_warmup_steps", 2));
    Curves w = Curves.minimize().complete(0, 1.0, 1.0, 1.0, 1.0);
    assertFalse(w.report(warmup, 1, 1, 9.0), "step 1 < n_warmup_steps 2");
    assertTrue(w.report(warmup, 1, 2, 9.0), "step 2 is past the warm-up");

    Pruner interval = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 1, "interval_steps", 2));
    Curves j = Curves.minimize().complete(0, 1.0, 1.0, 1.0, 1.0);
    assertTrue(j.report(interval, 1, 2, 9.0), "step 2 is a pruning step");
    assertFalse(j.report(interval, 1, 3, 9.0), "step 3 is between pruning steps 2 and 4");
    assertTrue(j.report(interval, 1, 4, 9.0), "step 4 is a pruning step");
  }

  @Test
  void medianNeedsNMinTrialsAtTheStep() {
    Pruner median = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 1, "n_min_trials", 2));
    Curves c = Curves.minimize().complete(0, 1.0, 1.0).complete(1, 1.0);
    assertTrue(c.report(median, 2, 1, 9.0), "two complete trials reported step 1");
    assertFalse(Curves.minimize().complete(0, 1.0, 1.0).complete(1, 1.0).report(median, 2, 2, 9.0),
        "only one complete trial reported step 2");
  }

  @Test
  void percentileUnderMaximizeMirrorsThePercentile() {
    Pruner p25 = Curves.create(new PercentilePrunerProvider(), Map.of("percentile", 25, "n_startup_trials", 1), Direction.MAXIMIZE);
    Curves c = new Curves(Direction.MAXIMIZE);
    for (int t = 0; t < 5; t++) {
      c.complete(t, t); // values 0..4 at step 1
    }
    // Optuna: the 75th percentile of 0..4 is 3.0; keep the top quarter.
    assertTrue(c.report(p25, 5, 1, 2.9));
    Curves d = new Curves(Direction.MAXIMIZE);
    for (int t = 0; t < 5; t++) {
      d.complete(t, t);
    }
    assertFalse(d.report(p25, 5, 1, 3.0));
  }

  @Test
  void percentileInterpolatesLikeNumpy() {
    assertEquals(2.5, PercentilePruner.percentile(new double[] {1, 2, 3, 4}, 50), 1e-12);
    assertEquals(1.75, PercentilePruner.percentile(new double[] {1, 2, 3, 4}, 25), 1e-12);
    assertEquals(4.0, PercentilePruner.percentile(new double[] {1, 2, 3, 4}, 100), 1e-12);
  }

  @Test
  void aNanValueIsPrunedAtOnce() {
    Pruner median = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 1));
    assertTrue(Curves.minimize().complete(0, 1.0).report(median, 1, 1, Double.NaN));
  }

  @Test
  void successiveHalvingKeepsTheBestQuarterOfEachRung() {
    Pruner sha = Curves.create(new SuccessiveHalvingProvider(), Map.of("min_resource", 1, "reduction_factor", 4));
    Curves c = Curves.minimize();
    // Rungs at steps 1, 4, 16. The first trial is alone at rung 0: promoted (the best of one).
    assertEquals(0, c.run(sha, 0, 0.5, 0.5, 0.5, 0.4, 0.4));
    // Fewer than 4 values at rung 0: only a value <= the best goes on.
    assertEquals(1, c.run(sha, 1, 0.6));
    assertEquals(0, c.run(sha, 2, 0.3, 0.3, 0.3, 0.3));
    // Now rung 0 holds 0.5, 0.6, 0.3 and this one's 0.45: 4 values, 4/4 = 1 promotable: only the best (0.3).
    assertEquals(1, c.run(sha, 3, 0.45));
    // 0.2 is the best at rung 0; at rung 1 (step 4) 0.35 is compared with 0.4 and 0.3: not the best of 3.
    assertEquals(4, c.run(sha, 4, 0.2, 0.3, 0.3, 0.35));
  }

  @Test
  void successiveHalvingWithMinEarlyStoppingRateStartsLater() {
    Pruner sha = Curves.create(new SuccessiveHalvingProvider(), Map.of("min_resource", 1, "reduction_factor", 2, "min_early_stopping_rate", 2));
    Curves c = Curves.minimize();
    c.run(sha, 0, 0.1, 0.1, 0.1, 0.1);
    // Rungs at 4, 8, ...: steps 1-3 are never pruned, however bad.
    assertEquals(4, c.run(sha, 1, 9, 9, 9, 9));
  }

  @Test
  void successiveHalvingFollowsTheDirection() {
    Pruner sha = Curves.create(new SuccessiveHalvingProvider(), Map.of("min_resource", 1, "reduction_factor", 2), Direction.MAXIMIZE);
    Curves c = new Curves(Direction.MAXIMIZE);
    c.run(sha, 0, 0.9);
    assertEquals(1, c.run(sha, 1, 0.8), "maximizing: 0.8 is worse than 0.9");
    assertEquals(0, c.run(sha, 2, 0.95));
  }

  @Test
  void successiveHalvingBootstrapPrunesUntilEnoughTrialsReachedTheRung() {
    Pruner sha = Curves.create(new SuccessiveHalvingProvider(), Map.of("min_resource", 1, "bootstrap_count", 2, "reduction_factor", 2));
    Curves c = Curves.minimize();
    assertEquals(1, c.run(sha, 0, 0.1));
    assertEquals(1, c.run(sha, 1, 0.1));
    assertEquals(0, c.run(sha, 2, 0.05));
  }

  @Test
  void hyperbandSplitsTrialsOverBracketsThatStartPruningAtDifferentSteps() {
    Pruner hb = Curves.create(new HyperbandProvider(), Map.of("min_resource", 1, "max_resource", 27, "reduction_factor", 3));
    HyperbandPruner h = (HyperbandPruner) hb;
    assertEquals(4, h.bracketCount(), "log3(27) + 1 brackets");
    int[] count = new int[4];
    for (int t = 0; t < 4000; t++) {
      count[h.bracketOf(t)]++;
    }
    // Budgets ceil(4*27/4)=27, ceil(4*9/3)=12, ceil(4*3/2)=6, ceil(4*1/1)=4 of 49.
    assertEquals(27 / 49.0, count[0] / 4000.0, 0.03);
    assertEquals(4 / 49.0, count[3] / 4000.0, 0.03);
    // A trial in the last bracket is never pruned before step 27; one in bracket 0 can be at step 1.
    Curves c = Curves.minimize();
    int first0 = -1;
    int first3 = -1;
    for (int t = 0; first0 < 0 || first3 < 0; t++) {
      if (h.bracketOf(t) == 0 && first0 < 0) {
        first0 = t;
      } else if (h.bracketOf(t) == 3 && first3 < 0) {
        first3 = t;
      }
    }
    c.run(hb, first0, 0.1, 0.1);
    int second0 = first0 + 1;
    while (h.bracketOf(second0) != 0) {
      second0++;
    }
    assertEquals(1, c.run(hb, second0, 0.5), "bracket 0: pruned at rung step 1");
    double[] bad = new double[26];
    java.util.Arrays.fill(bad, 9.0);
    assertEquals(0, c.run(hb, first3, bad), "bracket 3: first rung at 27");
  }

  @Test
  void successiveHalvingWithAutomaticMinResourceWaitsForACompleteTrialAsOptunaDoes() {
    Pruner auto = Curves.create(new SuccessiveHalvingProvider(), Map.of("reduction_factor", 2));
    Pruner fixed = Curves.create(new SuccessiveHalvingProvider(), Map.of("reduction_factor", 2, "min_resource", 1));
    Curves a = Curves.minimize();
    a.report(auto, 0, 1, 0.9); // trial 0 is still running
    assertFalse(a.report(auto, 1, 1, 5.0), "auto: nothing is pruned before a trial completed");
    Curves f = Curves.minimize();
    f.report(fixed, 0, 1, 0.9);
    assertTrue(f.report(fixed, 1, 1, 5.0), "min_resource 1: pruned at once");
    // Once trial 0 completed (3 steps: min_resource = max(3 / 100, 1) = 1), auto prunes as min_resource 1.
    a.report(auto, 0, 2, 0.8);
    a.report(auto, 0, 3, 0.7);
    a.curves.finished(0, TrialStatus.COMPLETE);
    assertEquals(1, a.run(auto, 2, 7.0));
  }

  @Test
  void hyperbandNeedsMaxResource() {
    ConfigException e = assertThrows(ConfigException.class, () -> Curves.create(new HyperbandProvider(), Map.of("min_resource", 1)));
    assertTrue(e.getMessage().contains("max_resource"), e.getMessage());
  }

  @Test
  void unknownSettingsAreRefused() {
    ConfigException e = assertThrows(
        ConfigException.class, () -> Curves.create(new SuccessiveHalvingProvider(), Map.of("type", "successive_halving", "eta", 3)));
    assertTrue(e.getMessage().contains("eta"), e.getMessage());
  }

  @Test
  void finishedTrialsOfOtherStatusesDoNotCountForTheMedian() {
    Pruner median = Curves.create(new MedianPrunerProvider(), Map.of("n_startup_trials", 1));
    Curves c = Curves.minimize().finished(0, TrialStatus.PRUNED, 0.1);
    assertFalse(c.report(median, 1, 1, 9.0), "no COMPLETE trial yet");
  }
}
