package io.hypermax.results.internal.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import io.hypermax.core.stability.API;

/** Small numeric helpers shared by the analyses. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Stats {
  private Stats() {}

  /** The q-th percentile (0..100) with linear interpolation between order statistics, as numpy's default. */
  public static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentileOfSorted(sorted, q);
  }

  public static double percentileOfSorted(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = Math.max(0, Math.min(100, q)) / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  public static double median(double[] values) {
    return percentile(values, 50);
  }

  public static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return values.length == 0 ? Double.NaN : m;
  }

  public static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return values.length == 0 ? Double.NaN : m;
  }

  /** Population standard deviation. */
  public static double std(double[] values) {
    double m = mean(values);
    double ss = 0;
    for (double v : values) {
      ss += (v - m) * (v - m);
    }
    return values.length == 0 ? Double.NaN : Math.sqrt(ss / values.length);
  }

  /** {@code v} rounded to {@code digits} significant digits (non-finite values unchanged). */
  public static double round(double v, int digits) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    // Scale so the kept digits are the integer part, round, scale back. Dividing an integer by an exact
    // power of ten gives the double nearest the decimal, so it prints as the short decimal.
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
    int shift = digits - 1 - exponent;
    if (shift > 300 || shift < -300) {
      return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }
    if (shift >= 0) {
      double scale = Math.pow(10, shift);
      double r = halfUp(v * scale);
      return Double.isFinite(r) && Math.abs(r) < 1e15 ? r / scale : new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }
    double scale = Math.pow(10, -shift);
    return halfUp(v / scale) * scale;
  }

  /** Rounds half away from zero (Math.rint rounds half to even: 1234.5 would become 1234). */
  private static double halfUp(double x) {
    return Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
  }

  /** Fractional ranks (ties share their average rank), 0-based. */
  public static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  /** True when all values are equal (or there are none). */
  public static boolean constant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }
}
