package io.hypermax.optimizers.internal.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The negative log posterior of the kernel hyperparameters (marginal likelihood plus weak priors) and its
 * gradient, for L-BFGS. Parameters, all in log space so they stay positive:
 * {@code theta[j] = log lambda_j} (inverse squared length scale of dimension j), {@code theta[d] = log} signal
 * variance, {@code theta[d+1] = log(noise variance - minNoise)}.
 *
 * <p>Priors (weak, in the form Optuna's GPSampler uses, whose authors describe them as heuristics):
 * {@code -(0.1/lambda + 0.1 lambda)} per length scale (peaked at lambda = 1, i.e. length scale 1 on the unit
 * cube), Gamma(2, 1) on the signal variance and Gamma(1.1, 30) on the noise variance (standardised units).
 */
final class MarginalLikelihood implements Lbfgs.Objective {
  private final int n;
  private final int d;
  private final boolean[] categorical;
  private final double[] y;
  private final Kernel kernel;
  private final double minNoise;
  /** Per dimension, the n x n squared differences (0/1 for categoricals), row-major. */
  private final double[][] squared;
  private final double[] scaled;
  private final double[] kv;
  private final double[] kp;
  private final DMatrixRMaj k;
  private final DMatrixRMaj inverse;
  private final DMatrixRMaj alpha;
  private final DMatrixRMaj yVector;
  private final LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));

  MarginalLikelihood(double[][] x, double[] y, boolean[] categorical, Kernel kernel, double minNoise) {
    this.n = y.length;
    this.d = categorical.length;
    this.categorical = categorical;
    this.y = y;
    this.kernel = kernel;
    this.minNoise = minNoise;
    this.squared = new double[d][n * n];
    for (int j = 0; j < d; j++) {
      double[] sq = squared[j];
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          double diff = x[a][j] - x[b][j];
          double v = categorical[j] ? (diff != 0 ? 1 : 0) : diff * diff;
          sq[a * n + b] = v;
          sq[b * n + a] = v;
        }
      }
    }
    this.scaled = new double[n * n];
    this.kv = new double[n * n];
    this.kp = new double[n * n];
    this.k = new DMatrixRMaj(n, n);
    this.inverse = new DMatrixRMaj(n, n);
    this.alpha = new DMatrixRMaj(n, 1);
    this.yVector = new DMatrixRMaj(n, 1, true, y);
  }

  int parameterCount() {
    return d + 2;
  }

  /** The number of parameters for {@code d} input dimensions. */
  static int parameterCount(int d) {
    return d + 2;
  }

  /** Starting point with every length scale 1, signal 1 and noise {@code noise}. */
  static double[] start(int d, double lambda, double signal, double noise) {
    double[] theta = new double[d + 2];
    java.util.Arrays.fill(theta, 0, d, Math.log(lambda));
    theta[d] = Math.log(signal);
    theta[d + 1] = Math.log(noise);
    return theta;
  }

  /**
   * Box of the search: length scales within e^-5..e^5 and ample room for signal and noise. The noise excess
   * over {@code minNoise} may shrink well below the floor itself, so {@code minNoise} is the floor the fit
   * reaches (a fixed bound of e^-25 once made every floor below 1e-11 act as 1.4e-11).
   */
  static double[][] bounds(int d, double minNoise) {
    double[] lo = new double[d + 2];
    double[] hi = new double[d + 2];
    java.util.Arrays.fill(lo, 0, d, -10);
    java.util.Arrays.fill(hi, 0, d, 10);
    lo[d] = -8;
    hi[d] = 6;
    lo[d + 1] = Math.min(-25, Math.log(minNoise) - 3);
    hi[d + 1] = 2;
    return new double[][] {lo, hi};
  }

  @Override
  public double evaluate(double[] theta, double[] grad) {
    double signal = Math.exp(theta[d]);
    double noiseExcess = Math.exp(theta[d + 1]);
    double noise = minNoise + noiseExcess;
    // Upper triangle only (the matrices are symmetric); the lower one is mirrored for the factorisation.
    java.util.Arrays.fill(scaled, 0);
    for (int j = 0; j < d; j++) {
      double lambda = Math.exp(theta[j]);
      double[] sq = squared[j];
      for (int a = 0; a < n; a++) {
        for (int i = a * n + a + 1, end = a * n + n; i < end; i++) {
          scaled[i] += lambda * sq[i];
        }
      }
    }
    double[] kd = k.data;
    for (int a = 0; a < n; a++) {
      int row = a * n;
      kd[row + a] = signal + noise;
      kv[row + a] = signal;
      for (int b = a + 1; b < n; b++) {
        int i = row + b;
        double v = signal * kernel.valueAndDerivative(scaled[i], kp, i);
        kp[i] *= signal;
        kv[i] = v;
        kd[i] = v;
        kd[b * n + a] = v;
      }
    }
    if (!solver.setA(k)) {
      return Double.NaN; // not positive definite: the line search backs off
    }
    double logDet = 0;
    DMatrixRMaj factor = solver.getDecomposition().getT(null);
    for (int i = 0; i < n; i++) {
      logDet += 2 * Math.log(factor.get(i, i));
    }
    solver.solve(yVector, alpha);
    solver.invert(inverse);
    double[] a = alpha.data;
    double quad = 0;
    for (int i = 0; i < n; i++) {
      quad += y[i] * a[i];
    }
    double logLik = -0.5 * quad - 0.5 * logDet;

    double logPrior = (signal > 0 ? Math.log(signal) : 0) - signal + 0.1 * Math.log(noise) - 30 * noise;
    for (int j = 0; j < d; j++) {
      double lambda = Math.exp(theta[j]);
      logPrior -= 0.1 / lambda + 0.1 * lambda;
    }

    // d logLik / d theta = 0.5 tr(W dK/dtheta), W = alpha alpha^T - K^-1 (symmetric: off-diagonal pairs twice).
    double[] inv = inverse.data;
    double[] lambdaGrad = new double[d];
    double signalGrad = 0;
    double noiseGrad = 0;
    for (int i = 0; i < n; i++) {
      int row = i * n;
      double wii = a[i] * a[i] - inv[row + i];
      signalGrad += 0.5 * wii * kv[row + i];
      noiseGrad += 0.5 * wii;
      for (int m = i + 1; m < n; m++) {
        double w = a[i] * a[m] - inv[row + m];
        signalGrad += w * kv[row + m];
        double wkp = w * kp[row + m];
        for (int j = 0; j < d; j++) {
          lambdaGrad[j] += wkp * squared[j][row + m];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      double lambda = Math.exp(theta[j]);
      grad[j] = -(lambda * lambdaGrad[j] + (0.1 / lambda - 0.1 * lambda));
    }
    grad[d] = -(signalGrad + (1 - signal));
    grad[d + 1] = -(noiseExcess * noiseGrad + noiseExcess * (0.1 / noise - 30));
    return -(logLik + logPrior);
  }

  boolean[] categorical() {
    return categorical;
  }
}
