package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The primary/secondary split and locking of §11-12 of the reference, with its corrections: every
 * parameter kind takes part (association from {@link Association}, active trials only), except
 * branch choices, which stay primary so a lock never switches a branch; the least-associated
 * parameters whose total weight stays within {@code lockCutoff} of the sum are secondary; each is
 * locked with {@code lockProbability} to its value in ONE trial drawn from the best
 * {@code lockPercentile} %. A lock of a branch parameter only takes effect when the draw chose its
 * branch ({@link SearchSpace#complete} drops it otherwise).
 */
final class Locking {
  private Locking() {}

  static Map<String, Object> locks(SearchSpace space, History h, AtpeAction action, RandomGenerator rng) {
    if (!action.lockMode().equals("top") || h.size() < 5) {
      return Map.of();
    }
    List<Parameter> params = new ArrayList<>();
    for (Parameter p : space.optimizable()) {
      if (!(p.distribution() instanceof ChoiceDistribution)) {
        params.add(p);
      }
    }
    double[] c = new double[params.size()];
    double total = 0;
    for (int i = 0; i < c.length; i++) {
      c[i] = h.associationOverAll(params.get(i));
      total += c[i];
    }
    Integer[] order = new Integer[c.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> c[i]).thenComparingInt(i -> i));
    double threshold = total * action.lockCutoff();
    int[] byScore = h.byScore();
    int pool = Math.max(1, (int) Math.ceil(h.size() * action.lockPercentile() / 100.0));
    Trial source = h.scored().get(byScore[rng.nextInt(Math.min(pool, byScore.length))]);
    Map<String, Object> locked = new LinkedHashMap<>();
    double cumulative = 0;
    for (int i : order) {
      cumulative += c[i];
      if (cumulative > threshold || params.size() - locked.size() <= 1) {
        break; // always leave at least one parameter to model
      }
      Object value = source.assignment().get(params.get(i).path());
      if (rng.nextDouble() < action.lockProbability() && value != null) {
        locked.put(params.get(i).path(), value);
      }
    }
    return locked;
  }
}
