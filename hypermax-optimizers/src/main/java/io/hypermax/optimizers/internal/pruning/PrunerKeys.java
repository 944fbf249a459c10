package io.hypermax.optimizers.internal.pruning;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.PrunerProvider;

/** Reads and checks the settings the shipped pruners share (Optuna's names). */
final class PrunerKeys {
  private PrunerKeys() {}

  static int atLeast(ConfigNode s, String key, int defaultValue, int min) {
    int v = s.integer(key, defaultValue);
    if (v < min) {
      throw s.get(key).error("must be at least " + min + ", found " + v);
    }
    return v;
  }

  /**
   * {@code max_resource}: the steps a trial runs at most. Required when {@code required} or when a
   * {@code budget_parameter} passes it to trials; null when absent.
   */
  static Long maxResource(PrunerProvider.Context context, boolean required) {
    ConfigNode s = context.settings();
    boolean budget = s.has("budget_parameter");
    if (!s.has("max_resource")) {
      if (required) {
        throw s.error("needs max_resource (the number of steps, e.g. epochs, a trial runs at most)");
      }
      if (budget) {
        throw s.error("budget_parameter passes max_resource to each trial: set max_resource too");
      }
      return null;
    }
    long v = s.optLong("max_resource").orElseThrow(() -> s.get("max_resource").error("must be an integer"));
    if (v < 1) {
      throw s.get("max_resource").error("must be at least 1, found " + v);
    }
    return v;
  }
}
