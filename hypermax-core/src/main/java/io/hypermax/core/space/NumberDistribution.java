package io.hypermax.core.space;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * A numeric parameter: uniform or normal prior, on a linear or logarithmic scale, optionally
 * rounded to a grid of {@code step} anchored at {@code min} (or at 0 when {@code min} is
 * unbounded), optionally producing Java integers.
 *
 * <p>Normal mode: on a linear scale the value is N(mean, stddev); on a logarithmic scale
 * ln(value) is N(ln(mean), stddev), i.e. {@code mean} is the median and {@code stddev} is measured
 * in natural-log units. {@code min}/{@code max}, when finite, truncate a normal prior.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record NumberDistribution(
    double min,
    double max,
    Scaling scaling,
    Mode mode,
    double mean,
    double stddev,
    Double step,
    boolean integer)
    implements Distribution {

  public enum Scaling {
    LINEAR,
    LOGARITHMIC
  }

  public enum Mode {
    UNIFORM,
    NORMAL
  }

  public NumberDistribution {
    if (mode == Mode.UNIFORM && !(min <= max)) {
      throw new IllegalArgumentException("min " + min + " is greater than max " + max);
    }
    if (scaling == Scaling.LOGARITHMIC && mode == Mode.UNIFORM && !(min > 0)) {
      throw new IllegalArgumentException("logarithmic scaling needs min > 0, found " + min);
    }
    if (step != null && !(step > 0)) {
      throw new IllegalArgumentException("rounding must be > 0, found " + step);
    }
  }

  public static NumberDistribution uniform(double min, double max) {
    return new NumberDistribution(min, max, Scaling.LINEAR, Mode.UNIFORM, 0, 1, null, false);
  }

  public static NumberDistribution logUniform(double min, double max) {
    return new NumberDistribution(min, max, Scaling.LOGARITHMIC, Mode.UNIFORM, 0, 1, null, false);
  }

  public static NumberDistribution integer(long min, long max, boolean log) {
    return new NumberDistribution(
        min, max, log ? Scaling.LOGARITHMIC : Scaling.LINEAR, Mode.UNIFORM, 0, 1, 1.0, true);
  }

  public static NumberDistribution integer(long min, long max, long step, boolean log) {
    return new NumberDistribution(
        min, max, log ? Scaling.LOGARITHMIC : Scaling.LINEAR, Mode.UNIFORM, 0, 1, (double) step, true);
  }

  public static NumberDistribution quantized(double min, double max, double step) {
    return new NumberDistribution(min, max, Scaling.LINEAR, Mode.UNIFORM, 0, 1, step, false);
  }

  public boolean isLog() {
    return scaling == Scaling.LOGARITHMIC;
  }

  private double toAxis(double v) {
    return isLog() ? Math.log(v) : v;
  }

  private double fromAxis(double x) {
    return isLog() ? Math.exp(x) : x;
  }

  @Override
  public double internalLow() {
    if (Double.isFinite(min) && !(isLog() && min <= 0)) {
      return toAxis(min);
    }
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double internalHigh() {
    return Double.isFinite(max) ? toAxis(max) : Double.POSITIVE_INFINITY;
  }

  @Override
  public Object sample(RandomGenerator rng) {
    if (mode == Mode.UNIFORM) {
      double lo;
      double hi;
      if (step != null) {
        // Each grid point owns the bin between the midpoints to its neighbours, the end points
        // included: the draw covers exactly the bins of the first and of the last grid point. (The
        // range used to reach max + step/2, so with min 0.1, max 2, rounding 0.5 the top point 1.6
        // owned [1.35, 2.25] and was drawn twice as often as the others.)
        lo = gridLowEdge();
        hi = gridHighEdge();
      } else {
        lo = toAxis(min);
        hi = toAxis(max);
      }
      return snap(fromAxis(between(lo, hi, rng.nextDouble())));
    }
    double center = isLog() ? Math.log(mean) : mean;
    double lo = internalLow();
    double hi = internalHigh();
    double x = center + stddev * rng.nextGaussian();
    for (int i = 0; i < 100 && (x < lo || x > hi); i++) {
      x = center + stddev * rng.nextGaussian();
    }
    return snap(fromAxis(x));
  }

  /**
   * {@code lo + (hi - lo) * u} without overflow: with min -1e308 and max 1e308 the width is
   * infinite in double arithmetic, and every draw used to be 1e308.
   */
  public static double between(double lo, double hi, double u) {
    double width = hi - lo;
    if (Double.isFinite(width)) {
      return Math.min(hi, lo + width * u);
    }
    return lo * (1 - u) + hi * u;
  }

  /** The last grid point: the largest {@code min + k * step} that is not above {@code max}. */
  public double gridTop() {
    if (step == null || !Double.isFinite(min) || !Double.isFinite(max)) {
      return max;
    }
    return gridValue(min, Math.floor(steps(max, min) + 1e-9));
  }

  /** Lower edge, on the internal axis, of the bin owned by the first grid point. */
  public double gridLowEdge() {
    return toAxis(min) - halfBin(min, -1);
  }

  /** Upper edge, on the internal axis, of the bin owned by the last grid point. */
  public double gridHighEdge() {
    double top = gridTop();
    return toAxis(top) + halfBin(top, +1);
  }

  /**
   * Half the axis distance from grid point {@code v} to its neighbour in direction {@code dir}; on
   * a log axis a neighbour at or below 0 is mirrored (as TPE does for its bins).
   */
  private double halfBin(double v, int dir) {
    if (!isLog()) {
      return step / 2;
    }
    double neighbour = v + dir * step;
    if (!(neighbour > 0) || Double.isInfinite(neighbour)) {
      neighbour = v - dir * step;
    }
    if (!(neighbour > 0) || Double.isInfinite(neighbour)) {
      return 0;
    }
    return Math.abs(Math.log(neighbour) - Math.log(v)) / 2;
  }

  /** (v - anchor) / step without overflowing when v and anchor are near opposite double limits. */
  private double steps(double v, double anchor) {
    double d = v - anchor;
    return Double.isFinite(d) ? d / step : v / step - anchor / step;
  }

  /** anchor + k * step without overflowing in the intermediate product. */
  private double gridValue(double anchor, double k) {
    double v = anchor + k * step;
    return Double.isFinite(v) ? v : 2 * (anchor / 2 + k * (step / 2));
  }

  /** The legal value nearest to {@code v}: clipped to the bounds, rounded to the grid, typed. */
  public Object snap(double v) {
    if (Double.isNaN(v)) {
      v = Double.isFinite(min) ? min : (Double.isFinite(max) ? max : 0);
    }
    v = Math.max(min, Math.min(max, v));
    if (step != null) {
      double anchor = Double.isFinite(min) ? min : 0.0;
      // rint, not round: Math.round caps at Long.MAX_VALUE, far below a range of 1e308.
      double k = Math.rint(steps(v, anchor));
      if (Double.isFinite(max)) {
        k = Math.min(k, Math.floor(steps(max, anchor) + 1e-9));
      }
      if (Double.isFinite(min)) {
        k = Math.max(k, 0);
      }
      v = gridValue(anchor, k);
      if (!integer) {
        v = tidy(v, anchor, step);
      }
    }
    if (integer) {
      long l = Math.round(v);
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
      return l;
    }
    return v;
  }

  /** Removes floating-point noise such as 0.30000000000000004 from grid values. */
  private static double tidy(double v, double anchor, double step) {
    int scale = Math.max(decimals(anchor), decimals(step));
    if (scale > 15) {
      return v;
    }
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static int decimals(double d) {
    BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
    return Math.max(0, b.scale());
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof Number n)) {
      return false;
    }
    double v = n.doubleValue();
    if (!(v >= min - 1e-9 * Math.max(1, Math.abs(min)) && v <= max + 1e-9 * Math.max(1, Math.abs(max)))) {
      return false;
    }
    if (integer && v != Math.rint(v)) {
      return false;
    }
    if (step != null) {
      double anchor = Double.isFinite(min) ? min : 0.0;
      double k = steps(v, anchor);
      return Math.abs(k - Math.rint(k)) < 1e-6;
    }
    return true;
  }

  @Override
  public double toInternal(Object value) {
    return toAxis(((Number) value).doubleValue());
  }

  @Override
  public Object fromInternal(double internal) {
    return snap(fromAxis(internal));
  }

  @Override
  public long cardinality() {
    if (step != null && Double.isFinite(min) && Double.isFinite(max)) {
      double points = Math.floor(steps(max, min) + 1e-9) + 1;
      // A grid of more points than a long holds is as good as continuous.
      return points < 0x1p62 ? (long) points : -1;
    }
    return -1;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder(integer ? "integer" : "number");
    if (mode == Mode.NORMAL) {
      sb.append(" normal(mean=").append(mean).append(", stddev=").append(stddev).append(')');
    }
    if (Double.isFinite(min) || Double.isFinite(max)) {
      sb.append('[').append(fmt(min)).append(", ").append(fmt(max)).append(']');
    }
    if (isLog()) {
      sb.append(" logarithmic");
    }
    if (step != null && !(integer && step == 1.0)) {
      sb.append(" rounding ").append(fmt(step));
    }
    return sb.toString();
  }
}
