package io.hypermax.optimizers.internal.pruning;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.trial.TrialStatus;
import java.util.Arrays;

/**
 * Prunes a trial whose best value so far is worse than the given percentile of the values that
 * COMPLETE trials reported at the same step (Optuna's PercentilePruner; the median pruner is its
 * 50th percentile). Nothing is pruned before {@code n_startup_trials} trials completed, before step
 * {@code n_warmup_steps}, between the steps of {@code interval_steps}, or when fewer than
 * {@code n_min_trials} complete trials reported the step.
 */
final class PercentilePruner implements Pruner {
  private final double percentile;
  private final int startupTrials;
  private final long warmupSteps;
  private final long intervalSteps;
  private final int minTrials;
  private final Number budget;

  PercentilePruner(double percentile, int startupTrials, long warmupSteps, long intervalSteps, int minTrials, Number budget) {
    this.percentile = percentile;
    this.startupTrials = startupTrials;
    this.warmupSteps = warmupSteps;
    this.intervalSteps = intervalSteps;
    this.minTrials = minTrials;
    this.budget = budget;
  }

  @Override
  public boolean shouldPrune(PruneRequest request) {
    LearningCurve own = request.curve();
    long step = own.lastStep();
    if (step < warmupSteps || !firstInInterval(own, step)) {
      return false;
    }
    int complete = 0;
    double[] atStep = new double[8];
    int n = 0;
    for (LearningCurve c : request.curves().all()) {
      if (c.status() != TrialStatus.COMPLETE) {
        continue;
      }
      complete++;
      double v = c.valueAt(step);
      if (!Double.isNaN(v)) {
        if (n == atStep.length) {
          atStep = Arrays.copyOf(atStep, n * 2);
        }
        atStep[n++] = v;
      }
    }
    if (complete == 0 || complete < startupTrials) {
      return false;
    }
    double best = own.bestUpTo(step, request.minimize());
    if (Double.isNaN(best)) {
      return true; // only NaN so far: nothing to wait for
    }
    if (n < minTrials) {
      return false;
    }
    double[] values = Arrays.copyOf(atStep, n);
    Arrays.sort(values);
    double q = request.minimize() ? percentile : 100 - percentile;
    return request.worse(best, percentile(values, q));
  }

  /** Whether {@code step} is the first report at or after the last pruning step of its interval. */
  private boolean firstInInterval(LearningCurve own, long step) {
    long nearestLower = ((step - warmupSteps) / intervalSteps) * intervalSteps + warmupSteps;
    long secondLast = own.size() >= 2 ? own.step(own.size() - 2) : -1;
    return secondLast < nearestLower;
  }

  /** numpy's percentile with linear interpolation, on sorted values. */
  static double percentile(double[] sorted, double q) {
    double rank = q / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }

  @Override
  public Number budget(int number) {
    return budget;
  }
}
