package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * The part of a request's history that statistics are computed from: finished trials with a score
 * (COMPLETE, and KILLED with their kill loss), in the order they finished, with their scores to
 * minimise (direction already applied). Running trials are not in it; failed ones only count.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class History {
  private final List<Trial> scored;
  private final double[] scores;
  private final int finished;
  private final int failed;
  private final int killed;
  /** Per-suggestion caches: the features, locking and filtering read the same columns and orders. */
  private final Map<String, double[]> columns = new HashMap<>();
  private final Map<String, Double> associations = new HashMap<>();
  private int[] byScore;

  private History(List<Trial> scored, double[] scores, int finished, int failed, int killed) {
    this.scored = scored;
    this.scores = scores;
    this.finished = finished;
    this.failed = failed;
    this.killed = killed;
  }

  /** The scored trials, in finish order. */
  public List<Trial> scored() {
    return scored;
  }

  /** Their scores to minimise (direction applied), in the same order; do not modify. */
  public double[] scores() {
    return scores;
  }

  /** Finished trials, scored or not. */
  public int finished() {
    return finished;
  }

  public int failed() {
    return failed;
  }

  public int killed() {
    return killed;
  }

  /** Each parameter's values on its internal axis, NaN where inactive; computed once per suggestion. */
  public double[] column(io.hypermax.core.space.Parameter p) {
    return columns.computeIfAbsent(p.path(), k -> {
      double[] c = new double[scored.size()];
      for (int i = 0; i < c.length; i++) {
        Object v = scored.get(i).assignment().get(k);
        c[i] = v == null || !p.distribution().contains(v) ? Double.NaN : p.distribution().toInternal(v);
      }
      return c;
    });
  }

  /** Past this many scored trials, whole-history statistics use an even stride through the history. */
  public static final int MAX_SLICE = 256;

  /**
   * {@link Association} of {@code p} over all scored trials (an even stride of {@value #MAX_SLICE}
   * past that many: the estimate barely moves, and its cost stops growing with the study; reading
   * the columns stays O(n)), shared by the features and locking.
   */
  public double associationOverAll(io.hypermax.core.space.Parameter p) {
    return associations.computeIfAbsent(p.path(), k -> Association.of(p, this, stride(scored.size(), MAX_SLICE)));
  }

  /** {@code min(n, max)} indices spread evenly over {@code 0..n-1}, ascending. */
  public static int[] stride(int n, int max) {
    int m = Math.min(n, max);
    int[] pick = new int[m];
    for (int i = 0; i < m; i++) {
      pick[i] = (int) ((long) i * n / m);
    }
    return pick;
  }

  public static History of(SuggestRequest request) {
    List<Trial> scored = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    int failed = 0;
    int killed = 0;
    for (Trial t : request.finished()) {
      if (t.status() == TrialStatus.FAILED) {
        failed++;
      } else if (t.status() == TrialStatus.KILLED) {
        killed++;
      }
      double s = request.score(t);
      if (!Double.isNaN(s) && !Double.isInfinite(s)) {
        scored.add(t);
        values.add(s);
      }
    }
    double[] scores = new double[values.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = values.get(i);
    }
    return new History(List.copyOf(scored), scores, request.finished().size(), failed, killed);
  }

  public int size() {
    return scores.length;
  }

  /**
   * Indices of the scored trials ordered by score (ties by position: deterministic); sorted once per
   * history, shared by the features, locking and filtering, so do not modify.
   */
  public int[] byScore() {
    if (byScore == null) {
      Integer[] order = new Integer[scores.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Double.compare(scores[a], scores[b]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      byScore = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        byScore[i] = order[i];
      }
    }
    return byScore;
  }
}
