package io.hypermax.optimizers.internal.pruning;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020), as Optuna's SuccessiveHalvingPruner.
 * Rung k is the step {@code min_resource * reduction_factor^(min_early_stopping_rate + k)}. When a
 * trial first reports at or after a rung's step, it goes on only if its value is among the best
 * {@code 1/reduction_factor} of the values every trial had at that rung so far (running trials
 * included: no trial waits for others, so parallel workers never idle). While a rung holds fewer
 * than {@code reduction_factor} values, only the best of them goes on.
 *
 * <p>{@code min_resource: auto} (the default, as Optuna's): nothing is pruned until a trial completed;
 * then the minimum resource is {@code max(last step of the complete trials / 100, 1)}, estimated once.
 *
 * <p>Stateless otherwise: the rungs are read from the learning curves (a trial's rung value is its value at
 * the first step at or after the rung), so a resumed study decides as the first process would have.
 */
final class SuccessiveHalvingPruner implements Pruner {
  /** Trials' steps at rung 0, or {@link #AUTO} until estimated. */
  private volatile long minResource;
  static final long AUTO = -1;
  private final int reductionFactor;
  private final int minEarlyStoppingRate;
  private final int bootstrapCount;
  private final Number budget;
  /** Which trials compete with each other (all, or one Hyperband bracket). */
  private final IntPredicate sameGroup;

  SuccessiveHalvingPruner(
      long minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount, Number budget, IntPredicate sameGroup) {
    this.minResource = minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.bootstrapCount = bootstrapCount;
    this.budget = budget;
    this.sameGroup = sameGroup;
  }

  /** The step of rung {@code k}. */
  long rungStep(int k) {
    double s = minResource * Math.pow(reductionFactor, minEarlyStoppingRate + k);
    return s >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) s;
  }

  @Override
  public boolean shouldPrune(PruneRequest request) {
    if (minResource == AUTO && !estimateMinResource(request)) {
      return false;
    }
    LearningCurve own = request.curve();
    int current = own.size() - 1;
    for (int k = 0; ; k++) {
      long rung = rungStep(k);
      int at = own.indexAtOrAfter(rung);
      if (at < 0) {
        return false; // not at this rung yet
      }
      if (at < current) {
        continue; // decided at an earlier report, and promoted (it is still running)
      }
      double value = own.value(at);
      if (Double.isNaN(value)) {
        return true;
      }
      List<Double> competing = rungValues(request, k, rung);
      if (competing.size() <= bootstrapCount) {
        return true; // Optuna's bootstrap: wait for enough trials at the rung by pruning the first ones
      }
      if (!promotable(value, competing, request.minimize())) {
        return true;
      }
      if (rungStep(k + 1) == rung) {
        return false; // rungs no longer grow (a reduction factor that overflowed)
      }
    }
  }

  /** Optuna's estimate: the longest complete curve / 100 (at least 1); false while no trial completed. */
  private boolean estimateMinResource(PruneRequest request) {
    long last = -1;
    for (LearningCurve c : request.curves().all()) {
      if (c.status() == TrialStatus.COMPLETE) {
        last = Math.max(last, c.lastStep());
      }
    }
    if (last < 0) {
      return false;
    }
    minResource = Math.max(last / 100, 1);
    return true;
  }

  /** The values at rung {@code k} of every trial of the group that reached it (the reporting one included). */
  private List<Double> rungValues(PruneRequest request, int k, long rung) {
    List<Double> values = new ArrayList<>();
    long previous = k == 0 ? Long.MIN_VALUE : rungStep(k - 1);
    for (LearningCurve c : request.curves().all()) {
      if (!sameGroup.test(c.trial())) {
        continue;
      }
      int at = c.indexAtOrAfter(rung);
      if (at < 0) {
        continue;
      }
      if (c.status() == TrialStatus.PRUNED && at == c.size() - 1 && k > 0 && c.indexAtOrAfter(previous) == at) {
        continue; // pruned at a lower rung by the same report that crossed this one: it never entered this rung
      }
      double v = c.value(at);
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    return values;
  }

  /** Optuna's rule: among the best {@code len / reduction_factor} (at least the best one). */
  private boolean promotable(double value, List<Double> competing, boolean minimize) {
    int idx = competing.size() / reductionFactor - 1;
    if (idx < 0) {
      idx = 0;
    }
    competing.sort(null);
    return minimize ? value <= competing.get(idx) : value >= competing.get(competing.size() - 1 - idx);
  }

  @Override
  public Number budget(int number) {
    return budget;
  }
}
