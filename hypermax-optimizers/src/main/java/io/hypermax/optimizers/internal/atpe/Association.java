package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.Parameter;
import java.util.Arrays;
import io.hypermax.core.stability.API;

/**
 * How strongly one parameter goes with the loss over a slice of trials, in [0, 1]: |Spearman rho|
 * for numbers, ordered categoricals and booleans; for unordered categoricals and branch choices the
 * correlation ratio eta of the loss ranks across the values (rank-based, so scale-free too). Only
 * trials where the parameter is active count; fewer than 3 of them or a single distinct value give
 * 0, as does any NaN. O(m log m) for a slice of m trials.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Association {
  private Association() {}

  public static double of(Parameter p, History h, int[] slice) {
    int m = 0;
    double[] x = new double[slice.length];
    double[] y = new double[slice.length];
    Distribution d = p.distribution();
    double[] column = h.column(p);
    for (int i : slice) {
      if (Double.isNaN(column[i])) {
        continue;
      }
      x[m] = column[i];
      y[m] = h.scores()[i];
      m++;
    }
    if (m < 3) {
      return 0;
    }
    x = Arrays.copyOf(x, m);
    y = Arrays.copyOf(y, m);
    double[] ry = ranks(y);
    boolean nominal =
        d instanceof ChoiceDistribution || (d instanceof CategoricalDistribution c && !c.ordered() && c.size() > 2);
    double r = nominal ? eta(x, ry) : Math.abs(pearson(ranks(x), ry));
    return Double.isFinite(r) ? Math.min(1, r) : 0;
  }

  /**
   * Average ranks (ties share their mean rank), 0-based, by one primitive sort of the indices:
   * O(n log n). Hand-written on purpose: commons-math3's NaturalRanking (which results' Stats uses)
   * measured 3-5x slower at 128-256 values, and a suggestion ranks about 30 such slices.
   */
  public static double[] ranks(double[] v) {
    int n = v.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    sortIndices(v, order, 0, n - 1);
    double[] r = new double[n];
    for (int lo = 0; lo < n; ) {
      int hi = lo;
      while (hi + 1 < n && v[order[hi + 1]] == v[order[lo]]) {
        hi++;
      }
      double mean = (lo + hi) / 2.0;
      for (int i = lo; i <= hi; i++) {
        r[order[i]] = mean;
      }
      lo = hi + 1;
    }
    return r;
  }

  /** Sorts {@code order[lo..hi]} by {@code v} (insertion sort below 16, else median-of-three quicksort). */
  private static void sortIndices(double[] v, int[] order, int lo, int hi) {
    while (hi - lo >= 16) {
      int mid = (lo + hi) >>> 1;
      double a = v[order[lo]];
      double b = v[order[mid]];
      double c = v[order[hi]];
      double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[order[i]] < pivot) {
          i++;
        }
        while (v[order[j]] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = order[i];
          order[i++] = order[j];
          order[j--] = t;
        }
      }
      // Recurse into the smaller part, loop on the larger: stack depth O(log n).
      if (j - lo < hi - i) {
        sortIndices(v, order, lo, j);
        lo = i;
      } else {
        sortIndices(v, order, i, hi);
        hi = j;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      int t = order[i];
      double x = v[t];
      int j = i - 1;
      while (j >= lo && v[order[j]] > x) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = t;
    }
  }

  static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
  }

  /** Correlation ratio of {@code y} grouped by the distinct values of {@code group}. */
  static double eta(double[] group, double[] y) {
    java.util.TreeMap<Double, double[]> sums = new java.util.TreeMap<>();
    double mean = 0;
    for (int i = 0; i < y.length; i++) {
      double[] s = sums.computeIfAbsent(group[i], k -> new double[2]);
      s[0] += y[i];
      s[1]++;
      mean += y[i];
    }
    if (sums.size() < 2) {
      return 0;
    }
    mean /= y.length;
    double total = 0;
    for (double v : y) {
      total += (v - mean) * (v - mean);
    }
    double between = 0;
    for (double[] s : sums.values()) {
      double gm = s[0] / s[1];
      between += s[1] * (gm - mean) * (gm - mean);
    }
    return total == 0 ? 0 : Math.sqrt(between / total);
  }
}
