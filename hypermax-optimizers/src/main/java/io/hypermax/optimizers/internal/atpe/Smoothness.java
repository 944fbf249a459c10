package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * How predictable the loss is from nearby trials: every trial's loss is predicted by the mean loss
 * of its {@value #NEIGHBOURS} nearest other trials, and the feature is the Spearman correlation of
 * prediction and loss. A smooth landscape (where a Gaussian process pays) scores near 1, a rugged or
 * noisy one near 0. Scale-free twice over: numbers are compared by their rank in the history (so a
 * log-scaled or wide range needs no unit), losses by rank. Values of categoricals and booleans
 * (ordered or not) differ by 0 or 1, an inactive parameter differs by 1 from an active one. At most {@value #MAX_TRIALS} trials take part
 * (an even stride through the history), so the cost stays O(p · 128²) however long the study.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Smoothness {
  static final int MAX_TRIALS = 128;
  static final int NEIGHBOURS = 3;

  private Smoothness() {}

  /** Over all scored trials of {@code h} (an even stride through them past {@value #MAX_TRIALS}). */
  public static double of(List<Parameter> params, History h) {
    return over(params, h, History.stride(h.size(), MAX_TRIALS));
  }

  /** Over the best {@code count} trials ({@code byScore}: indices best first), at most {@value #MAX_TRIALS}. */
  public static double ofBest(List<Parameter> params, History h, int[] byScore, int count) {
    int m = Math.min(Math.min(count, byScore.length), MAX_TRIALS);
    int[] pick = new int[m];
    for (int i = 0; i < m; i++) {
      pick[i] = byScore[i];
    }
    return over(params, h, pick);
  }

  /** The correlation over the trials {@code pick} (0 with fewer than 8 of them or no parameter). */
  static double over(List<Parameter> params, History h, int[] pick) {
    int m = pick.length;
    if (m < 8 || params.isEmpty()) {
      return 0;
    }
    double[][] coords = new double[params.size()][];
    boolean[] numeric = new boolean[params.size()];
    for (int j = 0; j < coords.length; j++) {
      Parameter p = params.get(j);
      double[] column = h.column(p);
      double[] x = new double[m];
      for (int i = 0; i < m; i++) {
        x[i] = column[pick[i]];
      }
      numeric[j] = p.distribution() instanceof NumberDistribution;
      coords[j] = numeric[j] ? rankScaled(x) : x;
    }
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      y[i] = h.scores()[pick[i]];
    }
    // One symmetric distance matrix (half the pairs), then each trial's nearest neighbours.
    double[][] dist = new double[m][m];
    for (int i = 0; i < m; i++) {
      dist[i][i] = Double.POSITIVE_INFINITY;
      for (int k = i + 1; k < m; k++) {
        double d = distance(coords, numeric, i, k);
        dist[i][k] = d;
        dist[k][i] = d;
      }
    }
    double[] predicted = new double[m];
    int[] nearest = new int[NEIGHBOURS];
    for (int i = 0; i < m; i++) {
      predicted[i] = meanOfNearest(dist[i], y, nearest);
    }
    double r = Association.pearson(Association.ranks(predicted), Association.ranks(y));
    return Double.isFinite(r) ? r : 0;
  }

  private static double distance(double[][] coords, boolean[] numeric, int a, int b) {
    double s = 0;
    for (int j = 0; j < coords.length; j++) {
      double u = coords[j][a];
      double v = coords[j][b];
      boolean ua = Double.isNaN(u);
      boolean vb = Double.isNaN(v);
      double d;
      if (ua || vb) {
        d = ua == vb ? 0 : 1;
      } else if (numeric[j]) {
        d = u - v;
      } else {
        d = u == v ? 0 : 1;
      }
      s += d * d;
    }
    return s;
  }

  /** Mean of {@code y} over the smallest entries of {@code dist} (ties by index: deterministic). */
  private static double meanOfNearest(double[] dist, double[] y, int[] nearest) {
    int k = Math.min(nearest.length, dist.length - 1);
    for (int t = 0; t < k; t++) {
      int best = -1;
      for (int i = 0; i < dist.length; i++) {
        if (dist[i] != Double.POSITIVE_INFINITY && (best < 0 || dist[i] < dist[best])) {
          best = i;
        }
      }
      nearest[t] = best;
      dist[best] = Double.POSITIVE_INFINITY;
    }
    // Summed in index order: two trials with the same neighbours get bitwise the same prediction, a
    // tie under any scaling of the losses (summing in distance order could round them apart).
    java.util.Arrays.sort(nearest, 0, k);
    double mean = 0;
    for (int t = 0; t < k; t++) {
      mean += y[nearest[t]] / k; // divided first: losses near the double range cannot overflow the sum
    }
    return mean;
  }

  /** Ranks divided by the count, NaN kept: a number's position in the history, in [0, 1). */
  private static double[] rankScaled(double[] x) {
    int active = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        active++;
      }
    }
    double[] values = new double[active];
    int[] at = new int[active];
    for (int i = 0, a = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        values[a] = x[i];
        at[a++] = i;
      }
    }
    double[] r = Association.ranks(values);
    double[] out = new double[x.length];
    java.util.Arrays.fill(out, Double.NaN);
    for (int a = 0; a < active; a++) {
      out[at[a]] = active > 1 ? r[a] / (active - 1) : 0.5;
    }
    return out;
  }
}
