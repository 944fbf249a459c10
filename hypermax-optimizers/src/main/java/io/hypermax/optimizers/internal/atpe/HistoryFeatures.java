package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.Arrays;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The policy's input: scale-free statistics of a history, the same code at run time and in
 * training. Loss statistics are ratios of differences of quantiles (invariant to shifting and
 * scaling the losses, so negative, zero and maximised losses need no transform) plus skew and
 * kurtosis; association statistics summarise |Spearman| (or eta) of every parameter with the loss
 * over all trials, the best 30 % and the most recent ones; then the size and kind of the space and
 * the share of failed and killed trials; and how well nearby trials predict a trial's loss
 * ({@link Smoothness}, over the history and over its best trials). Every NaN or infinity becomes 0.
 * O(n log n) for the loss statistics; the association and smoothness slices are bounded (256 and 128
 * trials), so their cost stops growing with the study.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HistoryFeatures {
  public static final List<String> NAMES =
      List.of(
          "log10_trials",
          "log10_cardinality",
          "log10_parameters",
          "categorical_share",
          "conditional",
          "failed_share",
          "killed_share",
          "loss_skew",
          "loss_kurtosis",
          "loss_p10_ratio",
          "loss_p25_ratio",
          "loss_p50_ratio",
          "loss_std_iqr",
          "best_age",
          "recent_best_ratio",
          "recent_median_ratio",
          "corr_all_max",
          "corr_all_mean",
          "corr_all_spread",
          "corr_top_max",
          "corr_top_mean",
          "corr_top_spread",
          "corr_recent_max",
          "corr_recent_mean",
          "corr_recent_spread",
          "smooth_all",
          "smooth_top");

  private HistoryFeatures() {}

  public static double[] compute(SearchSpace space, History h) {
    double[] f = new double[NAMES.size()];
    List<Parameter> params = space.optimizable();
    int n = h.size();
    f[0] = Math.log10(1 + n);
    f[1] = Cardinality.log10(space);
    f[2] = Math.log10(1 + params.size());
    f[3] = params.isEmpty() ? 0 : params.stream().filter(p -> p.distribution().cardinality() > 0
        && !(p.distribution() instanceof io.hypermax.core.space.NumberDistribution)).count() / (double) params.size();
    f[4] = space.parameters().stream().anyMatch(p -> p.condition() != null) ? 1 : 0;
    f[5] = h.finished() == 0 ? 0 : h.failed() / (double) h.finished();
    f[6] = h.finished() == 0 ? 0 : h.killed() / (double) h.finished();
    if (n >= 2) {
      lossStatistics(h, f);
    }
    int[] byScore = h.byScore();
    int top = Math.max(5, (int) Math.ceil(0.3 * n));
    int[] best = new int[Math.min(Math.min(n, top), History.MAX_SLICE)];
    for (int i = 0; i < best.length; i++) {
      best[i] = byScore[i];
    }
    int[] recent = range(Math.max(0, n - 25), n);
    associationOverAll(params, h, f, 16);
    associationStatistics(params, h, best, f, 19);
    associationStatistics(params, h, recent, f, 22);
    f[25] = Smoothness.of(params, h);
    f[26] = Smoothness.ofBest(params, h, byScore, Math.max(8, top));
    for (int i = 0; i < f.length; i++) {
      if (!Double.isFinite(f[i])) {
        f[i] = 0;
      }
    }
    return f;
  }

  private static void lossStatistics(History h, double[] f) {
    double[] s = h.scores().clone();
    Arrays.sort(s);
    int n = s.length;
    double best = s[0];
    double p90 = quantile(s, 0.9);
    double span = p90 - best;
    double mean = 0;
    for (double v : s) {
      mean += v;
    }
    mean /= n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : s) {
      double d = v - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    if (m2 > 0) {
      f[7] = clamp(m3 / Math.pow(m2, 1.5), -10, 10);
      f[8] = clamp(m4 / (m2 * m2) - 3, -3, 50);
    }
    if (span > 0) {
      f[9] = (quantile(s, 0.1) - best) / span;
      f[10] = (quantile(s, 0.25) - best) / span;
      f[11] = (quantile(s, 0.5) - best) / span;
    }
    double iqr = quantile(s, 0.75) - quantile(s, 0.25);
    f[12] = iqr > 0 ? clamp(Math.sqrt(m2) / iqr, 0, 10) : 0;
    double[] chrono = h.scores();
    int bestAt = 0;
    for (int i = 1; i < n; i++) {
      if (chrono[i] < chrono[bestAt]) {
        bestAt = i;
      }
    }
    f[13] = (n - 1 - bestAt) / (double) n;
    int window = Math.max(5, (int) Math.ceil(0.15 * n));
    double[] recent = Arrays.copyOfRange(chrono, Math.max(0, n - window), n);
    Arrays.sort(recent);
    double median = quantile(s, 0.5);
    if (median > best) {
      f[14] = clamp((recent[0] - best) / (median - best), 0, 5);
      f[15] = clamp((quantile(recent, 0.5) - best) / (median - best), 0, 5);
    }
  }

  private static void associationOverAll(List<Parameter> params, History h, double[] f, int at) {
    if (params.isEmpty() || h.size() < 3) {
      return;
    }
    double[] c = new double[params.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = h.associationOverAll(params.get(i));
    }
    summarise(c, f, at);
  }

  private static void associationStatistics(List<Parameter> params, History h, int[] slice, double[] f, int at) {
    if (params.isEmpty() || slice.length < 3) {
      return;
    }
    double[] c = new double[params.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = Association.of(params.get(i), h, slice);
    }
    summarise(c, f, at);
  }

  private static void summarise(double[] c, double[] f, int at) {
    Arrays.sort(c);
    double mean = 0;
    for (double v : c) {
      mean += v;
    }
    f[at] = c[c.length - 1];
    f[at + 1] = mean / c.length;
    f[at + 2] = c[c.length - 1] - quantile(c, 0.5);
  }

  /** Linear interpolation between order statistics of sorted {@code s} (numpy's default). */
  public static double quantile(double[] s, double q) {
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  private static int[] range(int from, int to) {
    int[] r = new int[Math.max(0, to - from)];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
