package io.hypermax.optimizers.internal.gp;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Which trials a GP uses once the history outgrows a size limit (a subset-of-data approximation): the best half
 * by score, then the most recent of the rest. The best region stays resolved and the model follows where the
 * search is now; the cost per fit stays bounded. Indices come back in trial order, so the result does not
 * depend on how ties in the score are broken elsewhere.
 */
final class HistorySubset {
  private HistorySubset() {}

  /** Indices into {@code scores} (all of them when there are at most {@code limit}). */
  static int[] select(double[] scores, int limit) {
    int n = scores.length;
    if (n <= limit) {
      return IntStream.range(0, n).toArray();
    }
    Integer[] byScore = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(byScore, Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparingInt(i -> i));
    boolean[] keep = new boolean[n];
    int best = limit / 2;
    for (int i = 0; i < best; i++) {
      keep[byScore[i]] = true;
    }
    int kept = best;
    for (int i = n - 1; i >= 0 && kept < limit; i--) {
      if (!keep[i]) {
        keep[i] = true;
        kept++;
      }
    }
    return IntStream.range(0, n).filter(i -> keep[i]).toArray();
  }
}
