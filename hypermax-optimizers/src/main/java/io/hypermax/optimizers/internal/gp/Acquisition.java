package io.hypermax.optimizers.internal.gp;

/** Log expected improvement of a GP posterior below the best standardised score, with its gradient. */
final class Acquisition {
  private final GaussianProcess gp;
  private final double best;
  private final double[] out = new double[2];

  Acquisition(GaussianProcess gp, double best) {
    this.gp = gp;
    this.best = best;
  }

  double value(double[] x) {
    gp.predict(x, out);
    return LogEi.logEi(out[0], Math.sqrt(out[1]), best);
  }

  /** log EI at many points. */
  double[] values(double[][] xs) {
    double[] means = new double[xs.length];
    double[] variances = new double[xs.length];
    gp.predictBatch(xs, means, variances);
    double[] out = new double[xs.length];
    for (int c = 0; c < xs.length; c++) {
      out[c] = LogEi.logEi(means[c], Math.sqrt(variances[c]), best);
    }
    return out;
  }

  /** log EI at x; its gradient over the {@code free} dimensions goes into {@code grad}. */
  double valueAndGradient(double[] x, boolean[] free, double[] grad) {
    int d = x.length;
    double[] meanGrad = new double[d];
    double[] varGrad = new double[d];
    gp.predictWithGradient(x, free, out, meanGrad, varGrad);
    double sigma = Math.sqrt(out[1]);
    double z = (best - out[0]) / sigma;
    double dh = LogEi.dLogH(z);
    for (int j = 0; j < d; j++) {
      double dSigma = varGrad[j] / (2 * sigma);
      double dz = -meanGrad[j] / sigma - z * dSigma / sigma;
      grad[j] = free[j] ? dSigma / sigma + dh * dz : 0;
    }
    return Math.log(sigma) + LogEi.logH(z);
  }
}
