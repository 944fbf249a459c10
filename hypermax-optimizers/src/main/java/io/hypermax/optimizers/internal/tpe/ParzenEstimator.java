package io.hypermax.optimizers.internal.tpe;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Parzen mixture over a group of dimensions: one component per observation plus one for the prior.
 * A component is a product of per-dimension kernels — a truncated normal on continuous axes, its
 * bin mass on grids, a smoothed indicator on categories — so one class serves univariate TPE (groups
 * of one) and multivariate TPE (the co-active parameters in one group).
 *
 * <p>Bandwidths: univariate kernels, and those of small groups (see
 * {@link TpeSettings#adaptiveBandwidthDims}), adapt to the distance to their neighbours (hyperopt/Optuna);
 * larger multivariate groups use the rule c * n^(-1/(d+4)) * range (c = {@link TpeSettings#ruleBandwidth}).
 * Both are scaled by the bandwidth factor and clipped to
 * [range / min(100, n + 1), range] ("magic clip").
 */
final class ParzenEstimator {
  private final Dimension[] dims;
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
   * @param columns {@code columns[d][i]}: observation i on dimension d
   * @param observationWeights weight of each observation (see {@link #forgettingWeight})
   * @param sortedByFirst whether the observations are sorted by their value on the first dimension
   *     (lets univariate bandwidths be computed without sorting)
   */
  ParzenEstimator(
      List<Dimension> dims, double[][] columns, double[] observationWeights, int observations, boolean sortedByFirst,
      TpeSettings settings) {
    this(dims, columns, observationWeights, observations, sortedByFirst, null, settings);
  }

  /**
   * @param orderByDim {@code orderByDim[d]}, when given: the observations' indices sorted by their
   *     value on dimension d, so neighbour-distance bandwidths of a joint group need no sort (null, or
   *     a null entry, sorts)
   */
  ParzenEstimator(
      List<Dimension> dims, double[][] columns, double[] observationWeights, int observations, boolean sortedByFirst,
      int[][] orderByDim, TpeSettings settings) {
    this.dims = dims.toArray(new Dimension[0]);
    int m = observations;
    this.n = m + 1;
    double[] weights = Arrays.copyOf(observationWeights, n);
    weights[m] = settings.priorWeight();
    this.logWeights = new double[n];
    this.cumulative = new double[n];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double running = 0;
    double logTotal = Math.log(total);
    for (int i = 0; i < n; i++) {
      logWeights[i] = (weights[i] == 1 ? 0 : Math.log(weights[i])) - logTotal;
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
      double[] sigma;
      if (settings.ruleBandwidths(d)) {
        sigma = fixedBandwidths(dim, m, d, settings);
      } else if (sortedByFirst && k == 0) {
        sigma = adaptiveBandwidthsSorted(dim, mu, m, settings);
      } else if (orderByDim != null && orderByDim[k] != null) {
        sigma = adaptiveBandwidthsInOrder(dim, mu, m, orderByDim[k], settings);
      } else {
        sigma = adaptiveBandwidths(dim, mu, m, settings);
      }
      sigma[m] = dim.priorSigma;
      mus[k] = mu;
      sigmas[k] = sigma;
      invSigmas[k] = new double[n];
      logPdfConst[k] = new double[n];
      logMassConst[k] = new double[n];
      double logSigma = 0;
      for (int i = 0; i < n; i++) {
        invSigmas[k][i] = 1 / sigma[i];
        double inside = Gaussians.mass((dim.low - mu[i]) / sigma[i], (dim.high - mu[i]) / sigma[i]);
        double logTruncation = inside == 1 ? 0 : -Math.log(Math.max(inside, 1e-300));
        if (i == 0 || sigma[i] != sigma[i - 1]) {
          logSigma = Math.log(sigma[i]); // neighbouring kernels often share the clipped bandwidth
        }
        // Unit-peak kernels leave out the 1/sigma of a density (see TpeSettings#unitPeakKernels).
        logPdfConst[k][i] = logTruncation - Gaussians.LOG_SQRT_2PI - (settings.unitPeakKernels() ? 0 : logSigma);
        logMassConst[k][i] = logTruncation + (settings.unitPeakKernels() ? logSigma : 0);
      }
    }
  }

  /**
   * Linear forgetting: of {@code m} observations in trial order, the newest {@code nFullWeight} weigh
   * 1 and the older ones ramp linearly from 1/m (the oldest) up.
   */
  static double forgettingWeight(int rank, int m, TpeSettings settings) {
    int full = settings.nFullWeight();
    int ramp = full == 0 ? 0 : Math.max(0, m - full);
    if (rank >= ramp) {
      return 1;
    }
    return ramp == 1 ? 1.0 / m : 1.0 / m + rank * (1 - 1.0 / m) / (ramp - 1);
  }

  private static double minSigma(Dimension dim, int components, TpeSettings settings) {
    return settings.magicClip() ? dim.scale / Math.min(100.0, 1.0 + components) : dim.scale * 1e-12;
  }

  private static double[] fixedBandwidths(Dimension dim, int m, int groupSize, TpeSettings settings) {
    double sigma = settings.ruleBandwidth() * Math.pow(Math.max(m, 1), -1.0 / (groupSize + 4)) * dim.scale
        * settings.bandwidthFactor();
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

  /** {@link #adaptiveBandwidths} given the observations' order by value: one pass, no sort. */
  private static double[] adaptiveBandwidthsInOrder(Dimension dim, double[] mu, int m, int[] order, TpeSettings settings) {
    double[] sortedMu = new double[m + 1];
    for (int j = 0; j < m; j++) {
      sortedMu[j] = mu[order[j]];
    }
    sortedMu[m] = mu[m];
    double[] sortedSigma = adaptiveBandwidthsSorted(dim, sortedMu, m, settings);
    double[] out = new double[m + 1];
    for (int j = 0; j < m; j++) {
      out[order[j]] = sortedSigma[j];
    }
    return out;
  }

  /** {@link #adaptiveBandwidths} for observations already sorted: one pass, no search. */
  private static double[] adaptiveBandwidthsSorted(Dimension dim, double[] mu, int m, TpeSettings settings) {
    double min = minSigma(dim, m + 1, settings);
    double prior = mu[m];
    double[] out = new double[m + 1];
    double smallest = Math.min(mu[0], prior);
    double largest = Math.max(m > 0 ? mu[m - 1] : prior, prior);
    int runStart = 0;
    while (runStart < m) {
      double v = mu[runStart];
      int runEnd = runStart;
      while (runEnd < m && mu[runEnd] == v) {
        runEnd++;
      }
      double below = runStart > 0 ? mu[runStart - 1] : dim.low;
      double above = runEnd < m ? mu[runEnd] : dim.high;
      // The prior's centre counts as a neighbour, as in the sorting version.
      if (prior < v && prior > below) {
        below = prior;
      }
      if (prior > v && prior < above) {
        above = prior;
      }
      double left = v - below;
      double right = above - v;
      double sigma;
      if (!settings.considerEndpoints() && smallest < largest && v == smallest) {
        sigma = right;
      } else if (!settings.considerEndpoints() && smallest < largest && v == largest) {
        sigma = left;
      } else {
        sigma = Math.max(left, right);
      }
      sigma *= settings.bandwidthFactor();
      sigma = Double.isNaN(sigma) ? dim.scale : Math.max(min, Math.min(dim.scale, sigma));
      for (int i = runStart; i < runEnd; i++) {
        out[i] = sigma;
      }
      runStart = runEnd;
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
    return sample(rng, false);
  }

  /**
   * Draws one point; with {@code recombine}, every dimension picks its own component, so the point
   * mixes coordinates of different observations (a draw from the product of the marginals).
   */
  double[] sample(RandomGenerator rng, boolean recombine) {
    int i = component(rng);
    double[] x = new double[dims.length];
    for (int k = 0; k < x.length; k++) {
      if (recombine && k > 0) {
        i = component(rng);
      }
      Dimension dim = dims[k];
      if (dim.kind == Dimension.Kind.CATEGORICAL) {
        x[k] = sampleCategory(rng, dim, (int) mus[k][i], k);
      } else {
        x[k] = dim.snap(Gaussians.sampleTruncated(rng, mus[k][i], sigmas[k][i], dim.low, dim.high));
      }
    }
    return x;
  }

  private int component(RandomGenerator rng) {
    int i = Arrays.binarySearch(cumulative, rng.nextDouble() * cumulative[n - 1]);
    return Math.min(n - 1, i < 0 ? -i - 1 : i);
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
    if (dims.length == 1 && dims[0].kind == Dimension.Kind.CONTINUOUS) {
      return logDensityContinuous(x[0]);
    }
    int d = dims.length;
    double[] binLow = new double[d];
    double[] binHigh = new double[d];
    for (int k = 0; k < d; k++) {
      Dimension dim = dims[k];
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

  /** The common univariate case as one tight loop. */
  private double logDensityContinuous(double x) {
    double[] mu = mus[0];
    double[] inv = invSigmas[0];
    double[] c = logPdfConst[0];
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z = (x - mu[i]) * inv[i];
      double s = logWeights[i] + c[i] - 0.5 * z * z;
      if (s <= max) {
        if (s - max > -40) {
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
    Dimension dim = dims[k];
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
