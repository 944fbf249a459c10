package io.hypermax.examples.bench;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import io.hypermax.core.stability.API;

/** Order statistics for the bench tables. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Stats {
  private Stats() {}

  /** The q-quantile (0..1) with linear interpolation between order statistics (commons-math3, numpy's R_7). */
  public static double quantile(double[] values, double q) {
    // commons-math3 wants p in (0, 100] and answers NaN for no values; a p just above 0 gives the minimum
    double p = Math.max(Double.MIN_NORMAL, Math.min(1, q)) * 100;
    return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
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
