package io.hypermax.optimizers.storm;

/**
 * @param initRandom random trials with a valid score before mutation starts
 * @param randomizeAxisFactor probability of each further mutation (the number of mutations is geometric)
 * @param bins values per continuous (or too finely rounded) number axis
 */
record StormSettings(int initRandom, double randomizeAxisFactor, int bins) {
  /** The tuner's own code default (its README's example used 25); see docs/storm.md. */
  static final int DEFAULT_INIT_RANDOM = 5;
  static final double DEFAULT_FACTOR = 0.5;
  static final int DEFAULT_BINS = 20;

  StormSettings {
    if (initRandom < 0) {
      throw new IllegalArgumentException("init_random must be 0 or more, found " + initRandom);
    }
    if (!(randomizeAxisFactor >= 0 && randomizeAxisFactor < 1)) {
      throw new IllegalArgumentException("randomize_axis_factor must be in [0, 1), found " + randomizeAxisFactor);
    }
    if (bins < 2) {
      throw new IllegalArgumentException("storm_bins must be at least 2, found " + bins);
    }
  }

  static StormSettings defaults() {
    return new StormSettings(DEFAULT_INIT_RANDOM, DEFAULT_FACTOR, DEFAULT_BINS);
  }
}
