package io.hypermax.results.internal.analysis;

import java.util.Arrays;
import io.hypermax.core.stability.API;

/**
 * The empirical distribution function of the losses: for each loss value, the fraction of complete trials whose
 * loss is at most that value (at least, when maximizing). Shows at a glance how often a trial of this search is
 * good, which the best-so-far line hides.
 *
 * @param losses sorted from best to worst
 * @param fractions fractions[i] = (i + 1) / n
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Edf(double[] losses, double[] fractions) {

  public static Edf of(Observations obs) {
    double[] scores = obs.all().stream().mapToDouble(Observation::score).toArray();
    Arrays.sort(scores);
    int n = scores.length;
    double[] losses = new double[n];
    double[] fractions = new double[n];
    for (int i = 0; i < n; i++) {
      losses[i] = obs.direction().score(scores[i]); // score is its own inverse (identity or negation)
      fractions[i] = (i + 1) / (double) n;
    }
    return new Edf(losses, fractions);
  }
}
