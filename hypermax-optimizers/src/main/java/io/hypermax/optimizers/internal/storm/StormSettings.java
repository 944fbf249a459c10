package io.hypermax.optimizers.internal.storm;

/**
 * StoRM's settings, validated by {@link StormProvider} where they are read.
 *
 * @param initRandom random trials with a valid score before mutation starts
 * @param randomizeAxisFactor probability of each further mutation (the number of mutations is geometric)
 * @param bins values per continuous (or too finely rounded) number axis
 */
record StormSettings(int initRandom, double randomizeAxisFactor, int bins) {
  /** The tuner's own code default (its README's example used 25); see docs/storm.md. */
  static final int DEFAULT_INIT_RANDOM = 5;
  static final double DEFAULT_FACTOR = 0.5;
  /** Odd, so the middle of a range (the geometric middle on a log scale) is one of the values. */
  static final int DEFAULT_BINS = 21;
}
