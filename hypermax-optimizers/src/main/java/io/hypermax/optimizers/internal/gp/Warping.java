package io.hypermax.optimizers.internal.gp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.special.Erf;
import io.hypermax.core.stability.API;

/**
 * A monotone transform of the scores (lower is better) before standardisation, for losses whose tails
 * would otherwise dominate the fit. Every transform keeps the order, so the best trial stays the best.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Warping {
  /** The scores as they are. */
  NONE {
    @Override
    double[] apply(double[] y) {
      return y.clone();
    }
  },
  /** {@code log(1 + (y - min) / scale)} with scale the median distance to the minimum: compresses a long upper tail. */
  LOG {
    @Override
    double[] apply(double[] y) {
      double min = Arrays.stream(y).min().orElse(0);
      double[] gap = Arrays.stream(y).map(v -> v - min).sorted().toArray();
      double scale = gap[gap.length / 2];
      if (!(scale > 0)) {
        scale = gap[gap.length - 1] > 0 ? gap[gap.length - 1] : 1;
      }
      double[] out = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        out[i] = Math.log1p((y[i] - min) / scale);
      }
      return out;
    }
  },
  /**
   * {@link #LOG} when the scores have a long upper tail (the largest lies further above the median than the
   * smallest lies below it, as for losses spanning orders of magnitude), else {@link #NONE} (bounded losses,
   * or ones whose good values are the outliers, where the log would blur the differences that matter).
   */
  AUTO {
    @Override
    double[] apply(double[] y) {
      double[] sorted = y.clone();
      Arrays.sort(sorted);
      double median = sorted[sorted.length / 2];
      boolean upperTail = sorted[sorted.length - 1] - median > median - sorted[0];
      return upperTail ? LOG.apply(y) : NONE.apply(y);
    }
  },
  /** Normal scores of the ranks, {@code Phi^-1((rank + 0.5) / n)} (ties share their mean rank): only the order counts. */
  RANK {
    @Override
    double[] apply(double[] y) {
      int n = y.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
      double[] out = new double[n];
      for (int i = 0; i < n; ) {
        int j = i;
        while (j + 1 < n && y[order[j + 1]] == y[order[i]]) {
          j++;
        }
        double rank = (i + j) / 2.0;
        double z = Math.sqrt(2) * Erf.erfInv(2 * (rank + 0.5) / n - 1);
        for (int k = i; k <= j; k++) {
          out[order[k]] = z;
        }
        i = j + 1;
      }
      return out;
    }
  };

  /** The warped scores, same length and order as {@code y}. */
  abstract double[] apply(double[] y);

  /** Warped then standardised to mean 0 and standard deviation 1 (a constant history stays at 0). */
  double[] standardised(double[] y) {
    double[] w = apply(y);
    double mean = Arrays.stream(w).average().orElse(0);
    double var = 0;
    for (double v : w) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / Math.max(1, w.length));
    double scale = sd > 1e-12 ? sd : 1;
    for (int i = 0; i < w.length; i++) {
      w[i] = (w[i] - mean) / scale;
    }
    return w;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Set<String> keys() {
    return Arrays.stream(values()).map(Warping::key).collect(Collectors.toSet());
  }
}
