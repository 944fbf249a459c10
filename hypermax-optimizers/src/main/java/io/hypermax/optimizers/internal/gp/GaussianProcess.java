package io.hypermax.optimizers.internal.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The posterior of a GP with fixed hyperparameters over standardised scores: the Cholesky factor L of
 * K + noise I and alpha = (K + noise I)^-1 y, computed once, then mean and variance (with gradients) at any
 * point in O(n d + n^2). Predictions are of the latent function (without the noise).
 */
final class GaussianProcess {
  final int n;
  final int d;
  private final double[][] x;
  private final boolean[] categorical;
  private final Kernel kernel;
  private final double[] lambda;
  private final double signal;
  private final double[] lower;
  /** L^T, row-major, so the backward solve also reads contiguous memory. */
  private final double[] upper;
  private final double[] alpha;

  GaussianProcess(double[][] x, double[] y, boolean[] categorical, Kernel kernel, double[] theta, double minNoise) {
    this.n = y.length;
    this.d = categorical.length;
    this.x = x;
    this.categorical = categorical;
    this.kernel = kernel;
    this.lambda = new double[d];
    for (int j = 0; j < d; j++) {
      lambda[j] = Math.exp(theta[j]);
    }
    this.signal = Math.exp(theta[d]);
    double noise = minNoise + Math.exp(theta[d + 1]);
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    for (int a = 0; a < n; a++) {
      k.data[a * n + a] = signal + noise;
      for (int b = a + 1; b < n; b++) {
        double v = signal * kernel.value(scaledDistance(x[a], x[b]));
        k.data[a * n + b] = v;
        k.data[b * n + a] = v;
      }
    }
    CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
    double jitter = 0;
    while (!chol.decompose(k.copy())) {
      // Near-duplicate points with a tiny noise: add jitter until the factorisation succeeds.
      jitter = jitter == 0 ? 1e-8 * (signal + noise) : jitter * 10;
      for (int a = 0; a < n; a++) {
        k.data[a * n + a] = signal + noise + jitter;
      }
    }
    this.lower = chol.getT(null).data;
    this.upper = new double[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b <= a; b++) {
        upper[b * n + a] = lower[a * n + b];
      }
    }
    this.alpha = y.clone();
    forward(alpha);
    backward(alpha);
  }

  double scaledDistance(double[] p, double[] q) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double diff = p[j] - q[j];
      s += lambda[j] * (categorical[j] ? (diff != 0 ? 1 : 0) : diff * diff);
    }
    return s;
  }

  /** Solves L v = b in place. */
  private void forward(double[] b) {
    for (int i = 0; i < n; i++) {
      double s = b[i];
      int row = i * n;
      for (int j = 0; j < i; j++) {
        s -= lower[row + j] * b[j];
      }
      b[i] = s / lower[row + i];
    }
  }

  /** Solves L^T v = b in place. */
  private void backward(double[] b) {
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      int row = i * n;
      for (int j = i + 1; j < n; j++) {
        s -= upper[row + j] * b[j];
      }
      b[i] = s / upper[row + i];
    }
  }

  /** Posterior mean and variance at {@code p}: {@code out[0]}, {@code out[1]}. */
  void predict(double[] p, double[] out) {
    double[] kx = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      kx[i] = signal * kernel.value(scaledDistance(p, x[i]));
      mean += kx[i] * alpha[i];
    }
    forward(kx);
    double explained = 0;
    for (int i = 0; i < n; i++) {
      explained += kx[i] * kx[i];
    }
    out[0] = mean;
    out[1] = Math.max(signal - explained, 1e-12 * signal);
  }

  /**
   * Means and variances of many points at once: the triangular solves run over the whole block, so each row of
   * L is read once per block instead of once per point.
   */
  void predictBatch(double[][] points, double[] means, double[] variances) {
    int m = points.length;
    double[][] v = new double[m][n];
    for (int c = 0; c < m; c++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        v[c][i] = signal * kernel.value(scaledDistance(points[c], x[i]));
        mean += v[c][i] * alpha[i];
      }
      means[c] = mean;
    }
    for (int i = 0; i < n; i++) {
      int row = i * n;
      double diagonal = lower[row + i];
      for (int c = 0; c < m; c++) {
        double[] vc = v[c];
        double s = vc[i];
        for (int j = 0; j < i; j++) {
          s -= lower[row + j] * vc[j];
        }
        vc[i] = s / diagonal;
      }
    }
    for (int c = 0; c < m; c++) {
      double explained = 0;
      for (double e : v[c]) {
        explained += e * e;
      }
      variances[c] = Math.max(signal - explained, 1e-12 * signal);
    }
  }

  /**
   * Mean and variance as {@link #predict}, plus their gradients with respect to the dimensions marked in
   * {@code free} (continuous ones; the others get 0).
   */
  void predictWithGradient(double[] p, boolean[] free, double[] out, double[] meanGrad, double[] varGrad) {
    double[] kx = new double[n];
    double[] kd = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double s = scaledDistance(p, x[i]);
      kx[i] = signal * kernel.value(s);
      kd[i] = signal * kernel.derivative(s);
      mean += kx[i] * alpha[i];
    }
    double[] v = kx.clone();
    forward(v);
    double explained = 0;
    for (int i = 0; i < n; i++) {
      explained += v[i] * v[i];
    }
    backward(v); // now v = K^-1 k
    java.util.Arrays.fill(meanGrad, 0);
    java.util.Arrays.fill(varGrad, 0);
    for (int i = 0; i < n; i++) {
      double[] xi = x[i];
      for (int j = 0; j < d; j++) {
        if (!free[j]) {
          continue;
        }
        // dk_i/dp_j = k'(s) * 2 lambda_j (p_j - x_ij)
        double dk = kd[i] * 2 * lambda[j] * (p[j] - xi[j]);
        meanGrad[j] += alpha[i] * dk;
        varGrad[j] -= 2 * v[i] * dk;
      }
    }
    out[0] = mean;
    double var = signal - explained;
    if (var < 1e-12 * signal) {
      var = 1e-12 * signal;
      java.util.Arrays.fill(varGrad, 0);
    }
    out[1] = var;
  }
}
