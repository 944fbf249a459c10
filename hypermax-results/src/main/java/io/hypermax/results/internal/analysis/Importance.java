package io.hypermax.results.internal.analysis;

import io.hypermax.core.space.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import io.hypermax.core.stability.API;

/**
 * Parameter importance as a main-effect variance share, with bootstrap intervals.
 *
 * <p>For each parameter the results are grouped (numeric: equal-count bins, about {@value #PER_GROUP} results per bin
 * and 2 to {@value #MAX_GROUPS} bins, or one group per value when it has no more values than that; categorical: its
 * values; trials where it is inactive form one more group) and the effect size ω² (omega squared) of that grouping is
 * computed on the <em>ranks</em> of the losses: ω² = (SS_between − (k−1)·MS_within) / (SS_total + MS_within), clamped
 * at 0. Ranks make one diverged trial unable to dominate; ω² (unlike the raw between/total ratio) does not reward a
 * parameter for merely having more groups. Bins that adapt to the number of results fix the original's flat
 * importances: 10 fixed bins over 40 trials left 4 results a bin, and the k − 1 penalty then ate most of every effect.
 * It is the first-order term of a functional-ANOVA decomposition estimated from the data instead of from a surrogate
 * model; interactions are not counted. {@code share} is ω² divided by the sum over all parameters.
 *
 * <p>Uncertainty: {@value #BOOTSTRAP} bootstrap resamples of the trials (fixed seed, so the numbers are reproducible)
 * recompute every ω²; {@code low} and {@code high} are the 5th and 95th percentiles of the parameter's share.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Importance(List<Entry> entries) {

  /**
   * @param low 5th percentile of the share over the bootstrap resamples
   * @param high 95th percentile of the share
   */
  public record Entry(String parameter, double omegaSquared, double share, int groups, double low, double high) {}

  public static final int MIN_RESULTS = 3;
  public static final int PER_GROUP = 8;
  public static final int MAX_GROUPS = 10;
  public static final int BOOTSTRAP = 200;
  private static final long SEED = 0x5EED_1AL;

  public static Importance compute(Observations obs) {
    int n = obs.size();
    double[] score = obs.all().stream().mapToDouble(Observation::score).toArray();
    List<String> names = new ArrayList<>();
    List<int[]> groupings = new ArrayList<>();
    for (NumericParameter p : obs.numeric()) {
      names.add(p.path());
      groupings.add(numericGroups(obs, p));
    }
    for (Parameter p : obs.categorical()) {
      int[] g = new int[n];
      Map<String, Integer> ids = new HashMap<>();
      for (int r = 0; r < n; r++) {
        Object v = obs.all().get(r).params().get(p.path());
        g[r] = v == null ? -1 : ids.computeIfAbsent(CategoryStats.label(p, v), k -> ids.size());
      }
      names.add(p.path());
      groupings.add(g);
    }
    int m = names.size();
    double[] omega = omegas(groupings, Stats.ranks(score), null);
    double[] share = shares(omega);
    double[][] bootShares = new double[m][BOOTSTRAP];
    SplittableRandom rng = new SplittableRandom(SEED);
    int[] rows = new int[n];
    for (int b = 0; b < BOOTSTRAP; b++) {
      for (int r = 0; r < n; r++) {
        rows[r] = rng.nextInt(n);
      }
      double[] y = new double[n];
      for (int r = 0; r < n; r++) {
        y[r] = score[rows[r]];
      }
      double[] s = shares(omegas(groupings, Stats.ranks(y), rows));
      for (int k = 0; k < m; k++) {
        bootShares[k][b] = s[k];
      }
    }
    List<Entry> out = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      double[] sorted = bootShares[k].clone();
      Arrays.sort(sorted);
      out.add(new Entry(names.get(k), omega[k], share[k], distinct(groupings.get(k)),
          Stats.percentileOfSorted(sorted, 5), Stats.percentileOfSorted(sorted, 95)));
    }
    out.sort(Comparator.comparingDouble(Entry::omegaSquared).reversed().thenComparing(Entry::parameter));
    return new Importance(List.copyOf(out));
  }

  /** ω² of each grouping on y; {@code rows} maps y's positions to the groupings' rows (null: the identity). */
  private static double[] omegas(List<int[]> groupings, double[] y, int[] rows) {
    double[] out = new double[groupings.size()];
    for (int k = 0; k < out.length; k++) {
      int[] g = groupings.get(k);
      int[] labels = g;
      if (rows != null) {
        labels = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
          labels[r] = g[rows[r]];
        }
      }
      out[k] = entry("", labels, y).omegaSquared();
    }
    return out;
  }

  private static double[] shares(double[] omega) {
    double total = Arrays.stream(omega).sum();
    double[] s = new double[omega.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = total > 0 ? omega[k] / total : 0;
    }
    return s;
  }

  private static int distinct(int[] g) {
    return (int) Arrays.stream(g).distinct().count();
  }

  /** How many bins a numeric parameter gets for n results. */
  static int binsFor(int n) {
    return Math.max(2, Math.min(MAX_GROUPS, n / PER_GROUP));
  }

  /**
   * Equal-count bins of the active values (ties stay together), or one group per value when there are no more
   * values than bins; -1 where the parameter is inactive.
   */
  static int[] numericGroups(Observations obs, NumericParameter p) {
    int n = obs.size();
    int[] g = new int[n];
    double[] v = new double[n];
    List<Double> active = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      v[r] = obs.all().get(r).number(p.path());
      if (Double.isFinite(v[r])) {
        active.add(v[r]);
      }
    }
    double[] sorted = active.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] values = Arrays.stream(sorted).distinct().toArray();
    int bins = binsFor(sorted.length);
    for (int r = 0; r < n; r++) {
      if (!Double.isFinite(v[r])) {
        g[r] = -1;
      } else if (values.length <= bins) {
        g[r] = Arrays.binarySearch(values, v[r]);
      } else {
        int firstAtOrAbove = lowerBound(sorted, v[r]);
        g[r] = (int) ((long) firstAtOrAbove * bins / sorted.length);
      }
    }
    return g;
  }

  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** ω² of the grouping {@code g} (any int labels) on values {@code y}. */
  static Entry entry(String name, int[] g, double[] y) {
    Map<Integer, double[]> sums = new HashMap<>(); // label -> {sum, count}
    for (int r = 0; r < y.length; r++) {
      double[] s = sums.computeIfAbsent(g[r], k -> new double[2]);
      s[0] += y[r];
      s[1]++;
    }
    int n = y.length;
    int k = sums.size();
    double mean = Stats.mean(y);
    double ssTotal = 0;
    for (double v : y) {
      ssTotal += (v - mean) * (v - mean);
    }
    double ssBetween = 0;
    for (double[] s : sums.values()) {
      double gm = s[0] / s[1];
      ssBetween += s[1] * (gm - mean) * (gm - mean);
    }
    double omega = 0;
    if (k > 1 && n > k && ssTotal > 0) {
      double msWithin = (ssTotal - ssBetween) / (n - k);
      omega = Math.max(0, (ssBetween - (k - 1) * msWithin) / (ssTotal + msWithin));
    }
    return new Entry(name, omega, 0, k, Double.NaN, Double.NaN);
  }
}
