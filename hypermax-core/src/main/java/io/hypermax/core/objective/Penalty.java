package io.hypermax.core.objective;

import io.hypermax.core.stability.API;

/**
 * The original Hypermax's quadratic penalty: nothing up to {@code target}, then
 * {@code ((x - target)^2 / (max - target)^2) * atMax}, so exactly {@code atMax} at {@code max} and
 * growing (quadratically, unbounded) past it.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Penalty(double target, double max, double atMax) {
  public Penalty {
    if (!(target < max)) {
      throw new IllegalArgumentException("the target must be below the maximum");
    }
  }

  public double apply(double x) {
    if (x <= target) {
      return 0;
    }
    double over = x - target;
    double span = max - target;
    return over * over / (span * span) * atMax;
  }
}
