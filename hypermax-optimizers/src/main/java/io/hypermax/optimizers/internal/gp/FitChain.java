package io.hypermax.optimizers.internal.gp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Kernel hyperparameters as a deterministic function of the scored trials, so that a resumed study fits
 * exactly what the uninterrupted one did. The trials are taken in trial-number order and the hyperparameters
 * are refitted at checkpoints: the first at {@code n_startup_trials} scored trials, the next each time the
 * history has grown by {@code refit_growth} (at least one trial, so every trial early on; every 10th at 100
 * trials with the default 0.1). Between checkpoints the posterior still conditions on every new trial; only
 * the hyperparameters are kept.
 *
 * <p>The fit at a checkpoint is L-BFGS multi-start: warm-started from the previous checkpoint's fit, and from
 * the default start (unit length scales); the first checkpoint uses three fixed starts. A fresh optimizer (a
 * resumed study) replays the checkpoints it has not seen, in order.
 */
final class FitChain {
  private static final double GTOL = 1e-2;
  private static final int ITERATIONS = 60;

  private final GpSettings settings;
  private final boolean[] categorical;
  private int[] numbers = new int[0];
  /** Fits by checkpoint (prefix length), valid while that prefix of {@link #numbers} is unchanged. */
  private final Map<Integer, double[]> fits = new HashMap<>();
  private int evaluations;

  FitChain(GpSettings settings, boolean[] categorical) {
    this.settings = settings;
    this.categorical = categorical;
  }

  /** Likelihood evaluations done so far (for diagnostics and cost tests). */
  int evaluations() {
    return evaluations;
  }

  /** The hyperparameters for {@code trialNumbers.length} scored trials with these points and scores. */
  double[] fit(int[] trialNumbers, double[][] points, double[] scores) {
    int common = 0;
    while (common < Math.min(numbers.length, trialNumbers.length) && numbers[common] == trialNumbers[common]) {
      common++;
    }
    final int valid = common;
    fits.keySet().removeIf(k -> k > valid);
    numbers = trialNumbers.clone();
    int n = trialNumbers.length;
    double[] theta = null;
    for (int c = settings.nStartup(); c <= n; c = next(c)) {
      double[] cached = fits.get(c);
      if (cached == null) {
        cached = checkpointFit(points, scores, c, theta);
        fits.put(c, cached);
      }
      theta = cached;
    }
    return theta.clone();
  }

  /** The checkpoint after {@code c}. */
  int next(int c) {
    return c + Math.max(1, (int) Math.floor(c * settings.refitGrowth()));
  }

  private MarginalLikelihood likelihood(double[][] points, double[] scores, int k) {
    double[] prefix = Arrays.copyOf(scores, k);
    int[] subset = HistorySubset.select(prefix, settings.maxFitPoints());
    double[][] x = new double[subset.length][];
    double[] raw = new double[subset.length];
    double[] y = settings.warping().standardised(prefix);
    for (int i = 0; i < subset.length; i++) {
      x[i] = points[subset[i]];
      raw[i] = y[subset[i]];
    }
    return new MarginalLikelihood(x, raw, categorical, settings.kernel(), settings.minNoise());
  }

  private double[] checkpointFit(double[][] points, double[] scores, int k, double[] previous) {
    MarginalLikelihood f = likelihood(points, scores, k);
    int d = categorical.length;
    double[][] box = MarginalLikelihood.bounds(d, settings.minNoise());
    // Fixed starts (no random numbers: the fit must not depend on the suggestion's generator).
    double[][] starts =
        previous == null
            ? new double[][] {
              MarginalLikelihood.start(d, 1, 1, 0.1), // unit length scales
              MarginalLikelihood.start(d, 0.1, 1, 0.01), // long ones: a smooth trend
              MarginalLikelihood.start(d, 10, 1, 0.01) // short ones: a wiggly function
            }
            : new double[][] {previous, MarginalLikelihood.start(d, 1, 1, 0.1)};
    Lbfgs.Result best = null;
    for (double[] start : starts) {
      Lbfgs.Result r = Lbfgs.minimize(f, start, box[0], box[1], ITERATIONS, GTOL);
      evaluations += r.evaluations();
      if (Double.isFinite(r.value()) && (best == null || r.value() < best.value())) {
        best = r;
      }
    }
    return best == null ? starts[0].clone() : best.x();
  }
}
