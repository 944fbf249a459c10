package io.hypermax.optimizers.internal.gp;

import org.apache.commons.math3.special.Erf;

/**
 * log of the expected improvement below a threshold for a normal prediction, stable far into the tail.
 * With {@code z = (best - mean) / sigma}, EI = sigma * h(z), h(z) = phi(z) + z Phi(z).
 *
 * <p>For z above -5, h is computed directly (the cancellation between phi and z Phi costs a factor ~z^2 of
 * precision, at most ~25 ulp here). Below, h(z) = phi(z) * c / (t + c) with t = -z and c the continued fraction
 * 1/(t + 2/(t + 3/(t + ...))) (from Laplace's fraction for the Mills ratio), which has no cancellation and no
 * underflow of Phi: log h stays accurate for any finite z.
 */
final class LogEi {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double TAIL = -5;

  private LogEi() {}

  /** log h(z). */
  static double logH(double z) {
    if (z > TAIL) {
      return Math.log(phi(z) + z * cdf(z));
    }
    double t = -z;
    double c = tailFraction(t);
    return -0.5 * z * z - LOG_SQRT_2PI + Math.log(c / (t + c));
  }

  /** d log h / dz = Phi(z) / h(z). */
  static double dLogH(double z) {
    if (z > TAIL) {
      return cdf(z) / (phi(z) + z * cdf(z));
    }
    return 1 / tailFraction(-z);
  }

  /** log EI for a prediction (mean, sigma) below {@code best}. */
  static double logEi(double mean, double sigma, double best) {
    return Math.log(sigma) + logH((best - mean) / sigma);
  }

  /** c(t) = 1/(t + 2/(t + 3/(t + ...))), evaluated backwards; t >= 5 converges to double precision in 60 terms. */
  static double tailFraction(double t) {
    double acc = t;
    for (int k = 60; k >= 2; k--) {
      acc = t + k / acc;
    }
    return 1 / acc;
  }

  static double phi(double z) {
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
  }

  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }
}
