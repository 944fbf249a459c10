package io.hypermax.optimizers.internal.pruning;

import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Hyperband (Li et al. 2018) with asynchronous successive halving in each bracket, as Optuna's
 * HyperbandPruner: {@code floor(log_eta(max_resource / min_resource)) + 1} brackets, bracket b being
 * successive halving with {@code min_early_stopping_rate = b} (its first rung at
 * {@code min_resource * eta^b}; the last bracket prunes nothing before {@code max_resource}). A trial
 * is assigned to a bracket from its number and the study seed, in proportion to each bracket's
 * budget {@code ceil(n * eta^s / (s + 1))}, {@code s = n - 1 - b}; it competes only within its bracket.
 */
final class HyperbandPruner implements Pruner {
  private final long seed;
  private final int[] allocation;
  private final int total;
  private final SuccessiveHalvingPruner[] brackets;
  private final Number budget;

  HyperbandPruner(long minResource, long maxResource, int reductionFactor, int bootstrapCount, long seed, Number budget) {
    this.seed = seed;
    this.budget = budget;
    int n = (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor) + 1e-9) + 1;
    allocation = new int[n];
    brackets = new SuccessiveHalvingPruner[n];
    int sum = 0;
    for (int b = 0; b < n; b++) {
      int s = n - 1 - b;
      allocation[b] = (int) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
      sum += allocation[b];
      int bracket = b;
      brackets[b] = new SuccessiveHalvingPruner(minResource, reductionFactor, b, bootstrapCount, budget, t -> bracketOf(t) == bracket);
    }
    total = sum;
  }

  int bracketCount() {
    return brackets.length;
  }

  /** The bracket of trial {@code number}: fixed by the seed and the number, so a resumed study agrees. */
  int bracketOf(int number) {
    CRC32 crc = new CRC32();
    crc.update((seed + "_" + number).getBytes(StandardCharsets.UTF_8));
    long n = crc.getValue() % total;
    for (int b = 0; b < allocation.length; b++) {
      n -= allocation[b];
      if (n < 0) {
        return b;
      }
    }
    return allocation.length - 1;
  }

  @Override
  public boolean shouldPrune(PruneRequest request) {
    return brackets[bracketOf(request.trial())].shouldPrune(request);
  }

  @Override
  public Number budget(int number) {
    return budget;
  }
}
