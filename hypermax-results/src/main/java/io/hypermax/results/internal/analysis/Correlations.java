package io.hypermax.results.internal.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import io.hypermax.core.stability.API;

/**
 * {@code correlations.csv}'s numbers. Off the diagonal: the Pearson correlation of two features
 * (parameter vs parameter). On the diagonal: the feature's standardized coefficient in a ridge
 * regression of the loss on all features (parameter vs loss, with the other parameters accounted
 * for). Each part is rescaled so its largest magnitude is 10, signs kept: "about −10..+10", as the
 * original describes. Positive means a larger value goes with a larger loss. Two one-hot columns of the
 * same parameter are shown as 0 (they exclude each other by construction) and do not set the scale.
 *
 * <p>{@code spearman} holds plain Spearman rank correlations, not rescaled: off the diagonal between two features, on
 * the diagonal between the feature and the loss. These are what the report shows (a raw 0.56 read as "10" in the
 * rescaled matrix); the rescaled matrix stays in {@code correlations.csv} because the original documents it.
 *
 * @param raw the same numbers before rescaling
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Correlations(Features features, double[][] raw, double[][] scaled, double[][] spearman) {

  /** Ridge penalty relative to the number of rows; small, only there to cope with one-hot collinearity. */
  private static final double RIDGE = 1e-2;

  public static Correlations compute(Observations obs) {
    Features f = Features.of(obs);
    int k = f.size();
    int n = obs.size();
    double[][] z = new double[k][];
    for (int i = 0; i < k; i++) {
      z[i] = standardize(f.columns()[i]);
    }
    double[][] raw = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        double r = dot(z[i], z[j]) / n;
        raw[i][j] = r;
        raw[j][i] = r;
      }
    }
    double[] y = standardize(obs.all().stream().mapToDouble(Observation::loss).toArray());
    double[] coef = ridge(z, y, RIDGE * n);
    for (int i = 0; i < k; i++) {
      raw[i][i] = coef[i];
    }
    double offMax = 0;
    double diagMax = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (i == j) {
          diagMax = Math.max(diagMax, Math.abs(raw[i][j]));
        } else if (!sameParameter(f, i, j)) {
          offMax = Math.max(offMax, Math.abs(raw[i][j]));
        }
      }
    }
    double[][] scaled = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double max = i == j ? diagMax : offMax;
        boolean structural = i != j && sameParameter(f, i, j);
        scaled[i][j] = max > 0 && !structural ? Stats.round(raw[i][j] * 10 / max, 4) : 0;
      }
    }
    return new Correlations(f, raw, scaled, spearman(f, obs));
  }

  /** Spearman ρ: the Pearson correlation of the ranks (ties averaged); diagonal: feature vs loss. */
  static double[][] spearman(Features f, Observations obs) {
    int k = f.size();
    int n = obs.size();
    double[][] z = new double[k][];
    for (int i = 0; i < k; i++) {
      z[i] = standardize(Stats.ranks(f.columns()[i]));
    }
    double[] y = standardize(Stats.ranks(obs.all().stream().mapToDouble(Observation::loss).toArray()));
    double[][] rho = new double[k][k];
    for (int i = 0; i < k; i++) {
      rho[i][i] = clamp(dot(z[i], y) / n);
      for (int j = i + 1; j < k; j++) {
        rho[i][j] = clamp(dot(z[i], z[j]) / n);
        rho[j][i] = rho[i][j];
      }
    }
    return rho;
  }

  private static double clamp(double r) {
    return Math.max(-1, Math.min(1, r));
  }

  /** One-hot columns of one parameter are anti-correlated by construction: that says nothing about the study. */
  private static boolean sameParameter(Features f, int i, int j) {
    return f.parameters().get(i).equals(f.parameters().get(j));
  }

  private static double[] standardize(double[] v) {
    double m = Stats.mean(v);
    double s = Stats.std(v);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = s > 0 ? (v[i] - m) / s : 0;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves (ZᵀZ + λI) c = Zᵀy for standardized columns Z. */
  private static double[] ridge(double[][] z, double[] y, double lambda) {
    int k = z.length;
    if (k == 0) {
      return new double[0];
    }
    RealMatrix a = new Array2DRowRealMatrix(k, k);
    RealVector b = new ArrayRealVector(k);
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double v = dot(z[i], z[j]) + (i == j ? lambda : 0);
        a.setEntry(i, j, v);
        a.setEntry(j, i, v);
      }
      b.setEntry(i, dot(z[i], y));
    }
    return new CholeskyDecomposition(a).getSolver().solve(b).toArray();
  }
}
