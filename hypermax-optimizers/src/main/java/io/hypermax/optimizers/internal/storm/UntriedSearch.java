package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.SearchExhaustedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact fallback when sampling keeps hitting tried configurations: enumerate the lattice,
 * keep the untried configurations (by active parameters) and pick one nearest to the best. When none
 * is left the search is exhausted — the original looped forever here. A lattice too large to
 * enumerate gets many random draws instead before the search gives up.
 *
 * <p>The distinct configurations of a space are cached: they depend on the space alone (every
 * parameter is proposed, so nothing is drawn at random), and the fallback tends to be needed again
 * and again once the neighbourhood of the best is used up.
 */
final class UntriedSearch {
  /** Enumerating beyond this many combinations costs more than it is worth (each may be a dry run). */
  static final long MAX_COMBINATIONS = 50_000;
  private static final int MAX_GROWTH_ROUNDS = 3;
  static final int MAX_RANDOM_DRAWS = 1_000;

  private SearchSpace cachedSpace;
  private List<Assignment> cachedConfigurations;

  /**
   * An untried configuration: uniformly chosen when {@code best} is null, otherwise one of those
   * differing from {@code best} in the fewest parameters.
   *
   * @throws SearchExhaustedException when every configuration has been tried
   */
  synchronized Assignment find(Proposals proposals, Assignment best, int failedAttempts) {
    List<Assignment> untried = List.of();
    int spaceSize = -1;
    // Enumerating a define-by-run space can meet new parameters; enumerate again until it is stable.
    for (int round = 0; round < MAX_GROWTH_ROUNDS; round++) {
      SearchSpace space = proposals.request().currentSpace();
      if (space.size() == spaceSize) {
        break;
      }
      spaceSize = space.size();
      untried = enumerateUntried(proposals, space);
      if (untried == null) {
        return randomUntried(proposals, failedAttempts);
      }
    }
    if (untried.isEmpty()) {
      throw new SearchExhaustedException(
          "StoRM has tried every configuration of the search space ("
              + proposals.triedCount()
              + " distinct configurations of the active parameters)");
    }
    List<Assignment> nearest = best == null ? untried : nearest(untried, best);
    return nearest.get(proposals.random().nextInt(nearest.size()));
  }

  private List<Assignment> enumerateUntried(Proposals proposals, SearchSpace space) {
    List<Assignment> all = space == cachedSpace ? cachedConfigurations : enumerate(proposals, space);
    if (all == null) {
      return null;
    }
    if (proposals.request().currentSpace() == space) {
      cachedSpace = space;
      cachedConfigurations = all;
    }
    List<Assignment> untried = new ArrayList<>();
    for (Assignment a : all) {
      if (!proposals.isTried(a)) {
        untried.add(a);
      }
    }
    return untried;
  }

  /** Every distinct active configuration of the lattice, in enumeration order; null when there are too many. */
  private static List<Assignment> enumerate(Proposals proposals, SearchSpace space) {
    List<String> names = new ArrayList<>();
    List<Axis> axes = new ArrayList<>();
    long combinations = 1;
    for (Parameter p : space.parameters()) {
      Axis axis = proposals.axis(p.path());
      if (axis != null) {
        names.add(p.path());
        axes.add(axis);
        combinations = Math.min(combinations * axis.size(), MAX_COMBINATIONS + 1);
      }
    }
    if (combinations > MAX_COMBINATIONS) {
      return null;
    }
    Set<String> seen = new HashSet<>();
    List<Assignment> distinct = new ArrayList<>();
    int[] index = new int[axes.size()];
    for (long c = 0; c < combinations; c++) {
      Map<String, Object> proposal = new LinkedHashMap<>();
      for (int i = 0; i < axes.size(); i++) {
        proposal.put(names.get(i), axes.get(i).values().get(index[i]));
      }
      Assignment a = proposals.resolve(proposal);
      if (seen.add(a.key())) {
        distinct.add(a);
      }
      for (int i = axes.size() - 1; i >= 0 && ++index[i] == axes.get(i).size(); i--) {
        index[i] = 0;
      }
    }
    return distinct;
  }

  /** Too large to enumerate: keep drawing from the prior, and give up only after many draws. */
  private static Assignment randomUntried(Proposals proposals, int failedAttempts) {
    for (int draw = 0; draw < MAX_RANDOM_DRAWS; draw++) {
      Assignment a = proposals.resolve(Map.of());
      if (!proposals.isTried(a)) {
        return a;
      }
    }
    throw new SearchExhaustedException(
        "StoRM found no untried configuration in "
            + failedAttempts
            + " mutations of the best and "
            + MAX_RANDOM_DRAWS
            + " random draws, and the space has too many combinations (over "
            + MAX_COMBINATIONS
            + ") to check them all");
  }

  private static List<Assignment> nearest(List<Assignment> candidates, Assignment best) {
    int min = Integer.MAX_VALUE;
    List<Assignment> out = new ArrayList<>();
    for (Assignment a : candidates) {
      int d = differences(a, best);
      if (d < min) {
        min = d;
        out.clear();
      }
      if (d == min) {
        out.add(a);
      }
    }
    return out;
  }

  /** Parameters set differently (or set in only one of the two). */
  static int differences(Assignment a, Assignment b) {
    Set<String> names = new HashSet<>(a.values().keySet());
    names.addAll(b.values().keySet());
    int d = 0;
    for (String n : names) {
      Object x = a.get(n);
      Object y = b.get(n);
      boolean same =
          x instanceof Number p && y instanceof Number q ? p.doubleValue() == q.doubleValue() : java.util.Objects.equals(x, y);
      if (!same) {
        d++;
      }
    }
    return d;
  }
}
