package io.hypermax.examples.bench;

import io.hypermax.core.stability.API;

/**
 * The learning-curve benchmark problem: a synthetic family of training curves with a known final
 * loss per configuration. A configuration is four numbers in [0, 1]; its final loss is
 * {@code L(x) = sum_d w_d (x_d - c_d)^2} (minimum 0); its value at step t = 1..T is
 * {@code L(x) + A(x) t^-B(x) + noise}, where the early gap {@code A = 0.3 + 1.2 x_3} and the speed
 * {@code B = 0.5 + x_1} depend on the configuration, so curves cross: a configuration that looks good
 * early is not always good at the end. The noise is Gaussian with {@code sigma = 0.02 / sqrt(t)}.
 *
 * <p>Everything random comes from a stateless splitmix64 hash of (seed, trial, index), so the Python
 * peer ({@code hypermax-examples/bench/curves_peer.py}) draws exactly the same configurations and
 * curves: the pruners are compared on identical trials.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LearningCurveFamily {
  public static final int DIMENSIONS = 4;
  private static final double[] CENTRE = {0.2, 0.7, 0.4, 0.55};
  private static final double[] WEIGHT = {1.0, 2.0, 0.5, 1.5};

  private LearningCurveFamily() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform number in [0, 1) for (seed, trial, index). */
  static double uniform(long seed, long trial, long index) {
    long k = 0x632BE59BD9B4E019L + seed * 0x9E3779B97F4A7C15L + trial * 0xD1B54A32D192ED03L + index * 0x8CB92BA72F3D8DD7L;
    return (mix(mix(k)) >>> 11) * 0x1.0p-53;
  }

  /** Configuration {@code trial} of run {@code seed}. */
  public static double[] configuration(long seed, int trial) {
    double[] x = new double[DIMENSIONS];
    for (int d = 0; d < DIMENSIONS; d++) {
      x[d] = uniform(seed, trial, d);
    }
    return x;
  }

  /** The known final loss of a configuration. */
  public static double finalLoss(double[] x) {
    double s = 0;
    for (int d = 0; d < DIMENSIONS; d++) {
      s += WEIGHT[d] * (x[d] - CENTRE[d]) * (x[d] - CENTRE[d]);
    }
    return s;
  }

  /** The value configuration {@code x} (trial {@code trial} of run {@code seed}) reports at step {@code t >= 1}. */
  public static double value(long seed, int trial, double[] x, int t) {
    double gap = 0.3 + 1.2 * x[3];
    double speed = 0.5 + x[1];
    double u1 = Math.max(uniform(seed, trial, 1000 + 2L * t), 1e-300);
    double u2 = uniform(seed, trial, 1001 + 2L * t);
    double gauss = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return finalLoss(x) + gap * Math.pow(t, -speed) + 0.02 / Math.sqrt(t) * gauss;
  }
}
