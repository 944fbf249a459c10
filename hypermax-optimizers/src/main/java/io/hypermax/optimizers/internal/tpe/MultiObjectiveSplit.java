package io.hypermax.optimizers.internal.tpe;

import io.hypermax.core.objective.ParetoFront;
import java.util.ArrayList;
import java.util.List;

/**
 * MOTPE's good set (Ozaki et al., 2020; Optuna's TPESampler with several objectives): whole
 * non-domination fronts while they fit, then, from the first front that does not fit, the members
 * chosen greedily by hypervolume contribution (a greedy solution of the hypervolume subset
 * selection problem). The reference point is just beyond that front's worst values, as in Optuna.
 */
final class MultiObjectiveSplit {
  private MultiObjectiveSplit() {}

  /**
   * @param rows table rows that have a vector
   * @param vectors their vectors to minimise
   * @param nGood how many rows the good set takes
   * @return the chosen rows
   */
  static List<Integer> good(List<Integer> rows, List<double[]> vectors, int nGood) {
    int[] rank = ParetoFront.ranks(vectors, nGood);
    List<Integer> chosen = new ArrayList<>();
    for (int level = 0; chosen.size() < nGood; level++) {
      List<Integer> front = new ArrayList<>();
      for (int i = 0; i < rank.length; i++) {
        if (rank[i] == level) {
          front.add(i);
        }
      }
      if (front.isEmpty()) {
        break;
      }
      if (chosen.size() + front.size() <= nGood) {
        front.forEach(i -> chosen.add(rows.get(i)));
      } else {
        for (int i : bestSubset(front, vectors, nGood - chosen.size())) {
          chosen.add(rows.get(i));
        }
      }
    }
    return chosen;
  }

  /** Greedy hypervolume subset selection: {@code k} members of {@code front} adding the most hypervolume in turn. */
  private static List<Integer> bestSubset(List<Integer> front, List<double[]> vectors, int k) {
    int dims = vectors.get(front.get(0)).length;
    double[] reference = new double[dims];
    java.util.Arrays.fill(reference, Double.NEGATIVE_INFINITY);
    for (int i : front) {
      for (int d = 0; d < dims; d++) {
        reference[d] = Math.max(reference[d], vectors.get(i)[d]);
      }
    }
    for (int d = 0; d < dims; d++) {
      // Optuna's max(1.1 r, 0.9 r): beyond the worst value whatever its sign; a zero gets a small margin.
      double r = reference[d];
      reference[d] = r == 0 ? 1e-12 : Math.max(1.1 * r, 0.9 * r);
    }
    List<Integer> left = new ArrayList<>(front);
    List<Integer> picked = new ArrayList<>();
    List<double[]> pickedVectors = new ArrayList<>();
    while (picked.size() < k) {
      int best = -1;
      double bestVolume = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < left.size(); j++) {
        pickedVectors.add(vectors.get(left.get(j)));
        double volume = ParetoFront.hypervolume(pickedVectors, reference);
        pickedVectors.remove(pickedVectors.size() - 1);
        if (volume > bestVolume) { // ties keep the earlier (older) trial
          bestVolume = volume;
          best = j;
        }
      }
      picked.add(left.get(best));
      pickedVectors.add(vectors.get(left.remove(best)));
    }
    return picked;
  }
}
