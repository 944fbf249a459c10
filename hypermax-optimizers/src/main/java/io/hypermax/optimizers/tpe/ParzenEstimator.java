package io.hypermax.optimizers.tpe;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Parzen mixture over a group of dimensions: one component per observation plus one for the prior.
 * A component is a product of per-dimension kernels — a truncated normal on continuous axes, its
 * bin mass on grids, a smoothed indicator on categories — so one class serves univariate TPE (groups
 * of one) and multivariate TPE (the co-active parameters in one group).
 *
 * <p>Bandwidths: univariate kernels adapt to the distance to their neighbours (hyperopt/Optuna);
 * multivariate kernels use the rule 0.2 * n^(-1/(d+4)) * range. Both are clipped to
 * [range / min(100, n + 1), range] ("magic clip").
 */
final class ParzenEstimator {
  private final List<Dimension> dims;
  private final int n; // components, the prior last
  private final double[] logWeights;
  private final double[] cumulative;
  private final double[][] mus;
  private final double[][] invSigmas;
  private final double[][] logPdfConst; // log of the kernel's factor in front of exp(-z^2/2)
  private final double[][] logMassConst; // log of the factor applied to a kernel's bin mass
  private final double[][] sigmas;
  private final double[] logHit;
  private final double[] logMiss;

  /**
   * @param columns {@code columns[d][i]}: observation i on dimension d, observations in trial order
   */
  ParzenEstimator(List<Dimension> dims, double[][] columns, int observations, TpeSettings settings) {
    this.dims = dims;
    int m = observations;
    this.n = m + 1;
    double[] weights = weights(m, settings);
    this.logWeights = new double[n];
    this.cumulative = new double[n];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double running = 0;
    for (int i = 0; i < n; i++) {
      logWeights[i] = Math.log(weights[i] / total);
      running += weights[i] / total;
      cumulative[i] = running;
    }
    int d = dims.size();
    mus = new double[d][];
    sigmas = new double[d][];
    invSigmas = new double[d][];
    logPdfConst = new double[d][];
    logMassConst = new double[d][];
    logHit = new double[d];
    logMiss = new double[d];
    for (int k = 0; k < d; k++) {
      Dimension dim = dims.get(k);
      double[] mu = Arrays.copyOf(columns[k], n);
      if (dim.kind == Dimension.Kind.CATEGORICAL) {
        mu[m] = -1; // the prior: uniform over the categories
        mus[k] = mu;
        double fill = settings.priorWeight() / (m + 1);
        double norm = 1 + dim.categories * fill;
        logHit[k] = Math.log((1 + fill) / norm);
        logMiss[k] = Math.log(fill / norm);
        continue;
      }
      mu[m] = dim.priorMu;
      double[] sigma =
          settings.multivariate() && !settings.adaptiveBandwidths() ? fixedBandwidths(dim, m, d, settings) : adaptiveBandwidths(dim, mu, m, settings);
      sigma[m] = dim.priorSigma;
      mus[k] = mu;
      sigmas[k] = sigma;
      invSigmas[k] = new double[n];
      logPdfConst[k] = new double[n];
      logMassConst[k] = new double[n];
      for (int i = 0; i < n; i++) {
        invSigmas[k][i] = 1 / sigma[i];
        double inside = Gaussians.mass((dim.low - mu[i]) / sigma[i], (dim.high - mu[i]) / sigma[i]);
        double logTruncation = -Math.log(Math.max(inside, 1e-300));
        double logSigma = Math.log(sigma[i]);
        // Unit-peak kernels leave out the 1/sigma of a density (see TpeSettings#unitPeakKernels).
        logPdfConst[k][i] = logTruncation - Gaussians.LOG_SQRT_2PI - (settings.unitPeakKernels() ? 0 : logSigma);
        logMassConst[k][i] = logTruncation + (settings.unitPeakKernels() ? logSigma : 0);
      }
    }
  }

  /** Linear forgetting: the newest {@code nFullWeight} weigh 1, older ones ramp from 1/m up; the prior last. */
  static double[] weights(int m, TpeSettings settings) {
    double[] w = new double[m + 1];
    int full = settings.nFullWeight();
    int ramp = full == 0 ? 0 : Math.max(0, m - full);
    for (int i = 0; i < m; i++) {
      if (i < ramp) {
        w[i] = ramp == 1 ? 1.0 / m : 1.0 / m + i * (1 - 1.0 / m) / (ramp - 1);
      } else {
        w[i] = 1;
      }
    }
    w[m] = settings.priorWeight();
    return w;
  }

  private static double minSigma(Dimension dim, int components, TpeSettings settings) {
    return settings.magicClip() ? dim.scale / Math.min(100.0, 1.0 + components) : dim.scale * 1e-12;
  }

  private static double[] fixedBandwidths(Dimension dim, int m, int groupSize, TpeSettings settings) {
    double sigma = 0.2 * Math.pow(Math.max(m, 1), -1.0 / (groupSize + 4)) * dim.scale * settings.bandwidthFactor();
    sigma = Math.max(minSigma(dim, m + 1, settings), Math.min(dim.scale, sigma));
    double[] out = new double[m + 1];
    Arrays.fill(out, sigma);
    return out;
  }

  /** Each kernel as wide as the larger gap to its distinct neighbours (the prior's centre included). */
  private static double[] adaptiveBandwidths(Dimension dim, double[] mu, int m, TpeSettings settings) {
    double[] sorted = Arrays.copyOf(mu, m + 1);
    Arrays.sort(sorted);
    double min = minSigma(dim, m + 1, settings);
    double[] out = new double[m + 1];
    double smallest = sorted[0];
    double largest = sorted[m];
    for (int i = 0; i < m; i++) {
      double v = mu[i];
      int lo = lowerBound(sorted, v);
      int hi = upperBound(sorted, v);
      double left = v - (lo > 0 ? sorted[lo - 1] : dim.low);
      double right = (hi <= m ? sorted[hi] : dim.high) - v;
      double sigma;
      if (!settings.considerEndpoints() && smallest < largest && v == smallest) {
        sigma = right;
      } else if (!settings.considerEndpoints() && smallest < largest && v == largest) {
        sigma = left;
      } else {
        sigma = Math.max(left, right);
      }
      sigma *= settings.bandwidthFactor();
      out[i] = Double.isNaN(sigma) ? dim.scale : Math.max(min, Math.min(dim.scale, sigma));
    }
    return out;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Draws one point: a component by weight, then each dimension from that component's kernel. */
  double[] sample(RandomGenerator rng) {
    int i = Arrays.binarySearch(cumulative, rng.nextDouble() * cumulative[n - 1]);
    i = Math.min(n - 1, i < 0 ? -i - 1 : i);
    double[] x = new double[dims.size()];
    for (int k = 0; k < x.length; k++) {
      Dimension dim = dims.get(k);
      if (dim.kind == Dimension.Kind.CATEGORICAL) {
        x[k] = sampleCategory(rng, dim, (int) mus[k][i], k);
      } else {
        x[k] = dim.snap(Gaussians.sampleTruncated(rng, mus[k][i], sigmas[k][i], dim.low, dim.high));
      }
    }
    return x;
  }

  private int sampleCategory(RandomGenerator rng, Dimension dim, int observed, int k) {
    if (observed < 0 || rng.nextDouble() >= Math.exp(logHit[k])) {
      if (observed < 0) {
        return rng.nextInt(dim.categories);
      }
      int other = rng.nextInt(dim.categories - 1);
      return other >= observed ? other + 1 : other;
    }
    return observed;
  }

  /** log of the mixture's density (bin mass on grids, probability on categories) at {@code x}. */
  double logDensity(double[] x) {
    int d = dims.size();
    double[] binLow = new double[d];
    double[] binHigh = new double[d];
    for (int k = 0; k < d; k++) {
      Dimension dim = dims.get(k);
      if (dim.kind == Dimension.Kind.GRID) {
        binLow[k] = dim.binLow(x[k]);
        binHigh[k] = dim.binHigh(x[k]);
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double s = logWeights[i];
      for (int k = 0; k < d && s > Double.NEGATIVE_INFINITY; k++) {
        s += logKernel(k, i, x[k], binLow[k], binHigh[k]);
      }
      if (s <= max) {
        if (s - max > -40) { // below e^-40 a term cannot change the sum; skipping it saves the exp
          sum += Math.exp(s - max);
        }
      } else {
        sum = (max == Double.NEGATIVE_INFINITY ? 0 : sum * Math.exp(max - s)) + 1;
        max = s;
      }
    }
    return max + Math.log(sum);
  }

  private double logKernel(int k, int i, double x, double binLow, double binHigh) {
    Dimension dim = dims.get(k);
    switch (dim.kind) {
      case CATEGORICAL -> {
        double observed = mus[k][i];
        if (observed < 0) {
          return -Math.log(dim.categories);
        }
        return observed == x ? logHit[k] : logMiss[k];
      }
      case CONTINUOUS -> {
        double z = (x - mus[k][i]) * invSigmas[k][i];
        return logPdfConst[k][i] - 0.5 * z * z;
      }
      default -> {
        double width = binHigh - binLow;
        double z = (x - mus[k][i]) * invSigmas[k][i];
        if (sigmas[k][i] >= 2 * width) {
          // Midpoint rule: mass = width * pdf, relative error below 1%.
          double logPdf = -0.5 * z * z - Gaussians.LOG_SQRT_2PI - Math.log(sigmas[k][i]);
          return logPdf + Math.log(width) + logMassConst[k][i];
        }
        double mu = mus[k][i];
        double mass = Gaussians.mass((binLow - mu) * invSigmas[k][i], (binHigh - mu) * invSigmas[k][i]);
        return Math.log(mass) + logMassConst[k][i];
      }
    }
  }
}
