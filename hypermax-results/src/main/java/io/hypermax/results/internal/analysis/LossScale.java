package io.hypermax.results.internal.analysis;

import io.hypermax.core.stability.API;

/**
 * How loss values map onto an axis or a colour bar: logarithmic when every value is positive and they span at least
 * {@value #DECADES} decades (otherwise the few bad trials squash all good ones into one pixel row), else linear.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record LossScale(boolean log, double min, double max) {
  public static final double DECADES = 2;

  public static LossScale of(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return new LossScale(false, 0, 1);
    }
    boolean log = min > 0 && Math.log10(max / min) >= DECADES;
    return new LossScale(log, min, max);
  }

  /** Position of v on the scale, 0 at min and 1 at max (0.5 when all values are equal). */
  public double position(double v) {
    if (!(max > min)) {
      return 0.5;
    }
    double t = log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
    return Math.max(0, Math.min(1, t));
  }
}
