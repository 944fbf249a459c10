package io.hypermax.core.objective;

/**
 * The original Hypermax's quadratic penalty: nothing up to {@code target}, then
 * {@code ((x - target)^2 / (max - target)^2) * atMax}, so exactly {@code atMax} at {@code max} and
 * growing (quadratically, unbounded) past it.
 */
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
