package io.hypermax.executors.internal.storage.postgres;

import java.util.Arrays;

/** Median and quartiles of the PostgreSQL cost benchmarks' timings ({@code ClaimCostBenchmark}, {@code PruneReportCostBenchmark}). */
final class BenchStats {
  private BenchStats() {}

  static double median(double[] v) {
    return quantile(v, 0.5);
  }

  /** Linear interpolation between order statistics (numpy's default). */
  static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  /** {@code median [q25, q75]} in ms, two decimals. */
  static String summary(double[] v) {
    return String.format("%.2f [%.2f, %.2f]", median(v), quantile(v, 0.25), quantile(v, 0.75));
  }
}
