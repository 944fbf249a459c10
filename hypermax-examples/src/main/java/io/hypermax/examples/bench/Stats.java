package io.hypermax.examples.bench;

import java.util.Arrays;
import io.hypermax.core.stability.API;

/** Order statistics for the bench tables. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Stats {
  private Stats() {}

  /** The q-quantile (0..1) with linear interpolation between order statistics. */
  public static double quantile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    if (s.length == 0) {
      return Double.NaN;
    }
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  public static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** Median of the window of {@code width} values ending at 1-based position {@code end}. */
  public static double windowMedian(long[] values, int end, int width) {
    int from = Math.max(0, end - width);
    double[] w = new double[end - from];
    for (int i = from; i < end; i++) {
      w[i - from] = values[i];
    }
    return median(w);
  }
}
