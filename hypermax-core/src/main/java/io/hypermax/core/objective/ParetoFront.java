package io.hypermax.core.objective;

import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * Pareto dominance, non-dominated sorting and hypervolume over vectors to minimise. Shared by the
 * multi-objective TPE split, the result files and the bench, so all three agree on what the front is.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ParetoFront {
  private ParetoFront() {}

  /** True when {@code a} is no worse than {@code b} everywhere and better somewhere. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      if (a[i] < b[i]) {
        better = true;
      }
    }
    return better;
  }

  /** The vector of a trial's objective values, or null when it has none (not COMPLETE, or single-objective). */
  public static double[] vector(Trial t) {
    if (t.status() != TrialStatus.COMPLETE || t.result() == null || !t.result().hasObjectives()) {
      return null;
    }
    return t.result().objectives().values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The COMPLETE trials with objective vectors that no other such trial dominates, in trial order. */
  public static List<Trial> front(List<Trial> trials) {
    List<Trial> scored = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    for (Trial t : trials) {
      double[] v = vector(t);
      if (v != null) {
        scored.add(t);
        points.add(v);
      }
    }
    int[] rank = ranks(points, 1); // only the first front is wanted: stop sorting after it
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < rank.length; i++) {
      if (rank[i] == 0) {
        out.add(scored.get(i));
      }
    }
    out.sort(Comparator.comparingInt(Trial::number));
    return out;
  }

  /**
   * Non-dominated sorting: 0 for the front, 1 for the front of the rest, and so on. Quadratic per
   * front, which is plenty for the few hundred trials a study has.
   */
  public static int[] ranks(List<double[]> points) {
    return ranks(points, points.size());
  }

  /**
   * Non-dominated sorting that stops once at least {@code enough} points have a rank (what a
   * good/bad split needs); the points left get {@link Integer#MAX_VALUE}.
   */
  public static int[] ranks(List<double[]> points, int enough) {
    int n = points.size();
    int[] rank = new int[n];
    Arrays.fill(rank, -1);
    int assigned = 0;
    for (int level = 0; assigned < n; level++) {
      if (assigned >= enough) {
        for (int i = 0; i < n; i++) {
          if (rank[i] < 0) {
            rank[i] = Integer.MAX_VALUE;
          }
        }
        break;
      }
      List<Integer> current = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (rank[i] >= 0) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < n && !dominated; j++) {
          // Only points not yet on an earlier front compete for this one.
          dominated = j != i && rank[j] < 0 && dominates(points.get(j), points.get(i));
        }
        if (!dominated) {
          current.add(i);
        }
      }
      for (int i : current) {
        rank[i] = level;
      }
      assigned += current.size();
    }
    return rank;
  }

  /**
   * The hypervolume dominated by {@code points} and bounded by {@code reference} (minimisation):
   * exact, by slicing along the last objective (a sweep in two dimensions). Points not strictly
   * better than the reference everywhere add nothing.
   */
  public static double hypervolume(List<double[]> points, double[] reference) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      boolean in = true;
      for (int i = 0; i < reference.length; i++) {
        in &= p[i] < reference[i];
      }
      if (in) {
        inside.add(p);
      }
    }
    return slice(inside, reference, reference.length);
  }

  private static double slice(List<double[]> points, double[] ref, int dims) {
    if (points.isEmpty()) {
      return 0;
    }
    if (dims == 1) {
      double best = ref[0];
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return ref[0] - best;
    }
    int last = dims - 1;
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[last]));
    if (dims == 2) {
      double hv = 0;
      double bestFirst = ref[0];
      for (int i = 0; i < sorted.size(); i++) {
        bestFirst = Math.min(bestFirst, sorted.get(i)[0]);
        double next = i + 1 < sorted.size() ? sorted.get(i + 1)[1] : ref[1];
        hv += (ref[0] - bestFirst) * (next - sorted.get(i)[1]);
      }
      return hv;
    }
    // Each slab between consecutive values of the last objective is covered by the points at or below it.
    double hv = 0;
    for (int i = 0; i < sorted.size(); i++) {
      double next = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
      double depth = next - sorted.get(i)[last];
      if (depth > 0) {
        hv += depth * slice(sorted.subList(0, i + 1), ref, last);
      }
    }
    return hv;
  }
}
