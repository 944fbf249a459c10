package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;

/**
 * log10 of the number of configurations, counting a continuous number as 20 values and a discrete
 * one as min(20, its values) (the original's rule). Branch parameters are summed as if all branches
 * were active: an upper bound that keeps the figure monotone in the space's size.
 */
final class Cardinality {
  private Cardinality() {}

  static double log10(SearchSpace space) {
    double sum = 0;
    for (Parameter p : space.optimizable()) {
      long c = p.distribution().cardinality();
      sum += Math.log10(c < 0 ? 20 : Math.min(20, Math.max(1, c)));
    }
    return sum;
  }
}
