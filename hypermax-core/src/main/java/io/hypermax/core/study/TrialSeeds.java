package io.hypermax.core.study;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * Per-trial random generators derived from the study seed and the trial number, so the sequence of
 * suggestions is reproducible and a resumed study continues it without saved generator state.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TrialSeeds {
  private TrialSeeds() {}

  public static RandomGenerator forTrial(long studySeed, int trialNumber) {
    return new SplittableRandom(mix(studySeed * 0x9E3779B97F4A7C15L + trialNumber));
  }

  /** SplitMix64 finaliser: neighbouring inputs give unrelated outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
