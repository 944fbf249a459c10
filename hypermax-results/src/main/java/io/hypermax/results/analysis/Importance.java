package io.hypermax.results.analysis;

import io.hypermax.core.space.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter importance as a main-effect variance share: how much of the variation in the results
 * each parameter explains on its own.
 *
 * <p>For each parameter the results are grouped (numeric: the 10 buckets of the charts; categorical:
 * its values; trials where it is inactive form one more group) and the effect size ω² (omega
 * squared) of that grouping is computed on the <em>ranks</em> of the losses:
 * ω² = (SS_between − (k−1)·MS_within) / (SS_total + MS_within), clamped at 0. Ranks make one
 * diverged trial unable to dominate; ω² (unlike the raw between/total ratio) does not reward a
 * parameter for merely having more groups. It is the first-order term of a functional-ANOVA
 * decomposition estimated directly from the data instead of from a surrogate model; interactions
 * are not counted. {@code share} is ω² divided by the sum over all parameters.
 */
public record Importance(List<Entry> entries) {

  public record Entry(String parameter, double omegaSquared, double share, int groups) {}

  public static final int MIN_RESULTS = 3;

  public static Importance compute(Observations obs) {
    int n = obs.size();
    double[] y = Stats.ranks(obs.all().stream().mapToDouble(Observation::score).toArray());
    List<Entry> raw = new ArrayList<>();
    for (NumericParameter p : obs.numeric()) {
      raw.add(entry(p.path(), numericGroups(obs, p), y));
    }
    for (Parameter p : obs.categorical()) {
      int[] g = new int[n];
      Map<String, Integer> ids = new HashMap<>();
      for (int r = 0; r < n; r++) {
        Object v = obs.all().get(r).params().get(p.path());
        g[r] = v == null ? -1 : ids.computeIfAbsent(CategoryStats.label(p, v), k -> ids.size());
      }
      raw.add(entry(p.path(), g, y));
    }
    double total = raw.stream().mapToDouble(Entry::omegaSquared).sum();
    List<Entry> out = new ArrayList<>();
    for (Entry e : raw) {
      out.add(new Entry(e.parameter(), e.omegaSquared(), total > 0 ? e.omegaSquared() / total : 0, e.groups()));
    }
    out.sort(Comparator.comparingDouble(Entry::omegaSquared).reversed());
    return new Importance(List.copyOf(out));
  }

  private static int[] numericGroups(Observations obs, NumericParameter p) {
    int n = obs.size();
    int[] g = new int[n];
    double[] active = obs.all().stream().mapToDouble(o -> o.number(p.path())).filter(Double::isFinite).toArray();
    Buckets buckets = active.length == 0 ? null : Buckets.compute(active, p, CellGrid.SIZE);
    for (int r = 0; r < n; r++) {
      double v = obs.all().get(r).number(p.path());
      g[r] = Double.isFinite(v) ? buckets.indexOf(v) : -1;
    }
    return g;
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
    return new Entry(name, omega, 0, k);
  }
}
