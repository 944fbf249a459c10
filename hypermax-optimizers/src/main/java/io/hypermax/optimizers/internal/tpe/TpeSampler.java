package io.hypermax.optimizers.internal.tpe;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.Condition;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * Tree-structured Parzen Estimator. The scored trials are split into a good set (the best
 * {@code gamma} fraction) and a bad set (the rest, plus failed, killed and — with the constant liar —
 * running trials); for each group of parameters it fits l(x) to the good and g(x) to the bad
 * observations in which the group was active, draws candidates from l and keeps the one with the
 * largest l(x)/g(x). Groups are sampled in space order, so a choice is made before the parameters
 * of its branches, and only the branch taken is modelled further.
 *
 * <p>Reusable: {@link #suggest(SuggestRequest, TpeSettings)} takes the settings per call, so a
 * driver can change them at every step while the encoded history is kept.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TpeSampler implements Optimizer {
  private final TpeSettings settings;
  private SearchSpace space;
  private List<Dimension> dimensions;
  private Map<String, Integer> index;
  private ObservationTable table;

  public TpeSampler(TpeSettings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  public TpeSettings settings() {
    return settings;
  }

  @Override
  public Assignment suggest(SuggestRequest request) {
    return suggest(request, settings);
  }

  /** A suggestion with {@code stepSettings} instead of this sampler's own settings. */
  public synchronized Assignment suggest(SuggestRequest request, TpeSettings stepSettings) {
    prepare(request.space());
    table.update(request);
    RandomGenerator rng = request.random();
    int scored = table.scoredCount();
    if (scored < Math.max(1, stepSettings.nStartup())) {
      return request.space().sample(rng);
    }
    Split split = split(request, stepSettings, scored);
    Map<String, Object> chosen = new LinkedHashMap<>();
    List<List<Integer>> groups = groups(stepSettings.multivariate());
    boolean[] done = new boolean[dimensions.size()];
    for (Parameter p : space.parameters()) {
      Integer d = index.get(p.path());
      if ((d != null && done[d]) || !space.isActive(p, chosen)) {
        continue;
      }
      if (d == null) {
        chosen.put(p.path(), p.distribution().sample(rng)); // a constant or single value: nothing to model
        continue;
      }
      List<Integer> group = groupOf(groups, d);
      double[] x = sampleGroup(group, split, stepSettings, rng);
      for (int k = 0; k < group.size(); k++) {
        int dim = group.get(k);
        done[dim] = true;
        chosen.put(dimensions.get(dim).parameter.path(), dimensions.get(dim).decode(x[k]));
      }
    }
    return space.complete(chosen, rng);
  }

  /** (Re)builds the dimension models when the space changes (define-by-run spaces grow). */
  private void prepare(SearchSpace requested) {
    if (requested == space) {
      return;
    }
    space = requested;
    dimensions = new ArrayList<>();
    index = new LinkedHashMap<>();
    for (Parameter p : requested.optimizable()) {
      Dimension dim = Dimension.of(p);
      if (!dim.isDegenerate()) {
        index.put(p.path(), dimensions.size());
        dimensions.add(dim);
      }
    }
    table = new ObservationTable(dimensions);
  }

  /** Row indices of the good set, and the bad set's extra rows (running trials under the constant liar). */
  private record Split(boolean[] good, double[][] runningRows) {}

  private Split split(SuggestRequest request, TpeSettings s, int scored) {
    int nGood = s.goodCount(scored);
    int size = table.size();
    if (table.multiObjective()) {
      return multiObjectiveSplit(request, s, nGood);
    }
    // The nGood best scores, ties going to the older trial: an insertion-sorted list of at most nGood rows.
    int[] best = new int[nGood];
    int count = 0;
    for (int row = 0; row < size; row++) {
      double score = table.score(row);
      if (Double.isNaN(score)) {
        continue;
      }
      if (count == nGood && !table.better(row, best[count - 1])) {
        continue;
      }
      int at = count == nGood ? count - 1 : count++;
      while (at > 0 && table.better(row, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = row;
    }
    boolean[] good = new boolean[size];
    for (int i = 0; i < count; i++) {
      good[best[i]] = true;
    }
    double[][] running = new double[0][];
    if (s.constantLiar()) {
      running = request.running().stream().map(table::encode).toArray(double[][]::new);
    }
    return new Split(good, running);
  }

  /** Several objectives: the good set is MOTPE's (fronts, then hypervolume contribution); see {@link MultiObjectiveSplit}. */
  private Split multiObjectiveSplit(SuggestRequest request, TpeSettings s, int nGood) {
    List<Integer> rows = new ArrayList<>();
    List<double[]> vectors = new ArrayList<>();
    for (int row = 0; row < table.size(); row++) {
      if (table.vector(row) != null) {
        rows.add(row);
        vectors.add(table.vector(row));
      }
    }
    boolean[] good = new boolean[table.size()];
    for (int row : MultiObjectiveSplit.good(rows, vectors, nGood)) {
      good[row] = true;
    }
    double[][] running = new double[0][];
    if (s.constantLiar()) {
      running = request.running().stream().map(table::encode).toArray(double[][]::new);
    }
    return new Split(good, running);
  }

  private double[] sampleGroup(List<Integer> group, Split split, TpeSettings s, RandomGenerator rng) {
    List<Dimension> dims = group.stream().map(dimensions::get).toList();
    ParzenEstimator below = estimator(group, dims, split, true, s);
    ParzenEstimator above = estimator(group, dims, split, false, s);
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < s.nEiCandidates(); c++) {
      boolean recombine = group.size() > 1 && recombines(s.recombination(), rng);
      double[] x = below.sample(rng, recombine);
      double score = below.logDensity(x) - above.logDensity(x);
      if (best == null || score > bestScore) {
        best = x;
        bestScore = score;
      }
    }
    return best;
  }

  /** Draws a random number only for fractions strictly between 0 and 1, so 0 and 1 keep the random stream short. */
  private static boolean recombines(double fraction, RandomGenerator rng) {
    return fraction >= 1 || (fraction > 0 && rng.nextDouble() < fraction);
  }

  /** The estimator of one set, from the rows in which every parameter of the group was active. */
  private ParzenEstimator estimator(List<Integer> group, List<Dimension> dims, Split split, boolean good, TpeSettings s) {
    int size = table.size();
    double[][] running = good ? new double[0][] : split.runningRows();
    // Members in trial order first: linear forgetting weighs by age within the set.
    int[] rank = new int[size];
    int m = 0;
    for (int row = 0; row < size; row++) {
      rank[row] = split.good()[row] == good && activeRow(group, row) ? m++ : -1;
    }
    int members = m;
    List<double[]> extra = new ArrayList<>();
    for (double[] row : running) {
      if (group.stream().allMatch(d -> !Double.isNaN(row[d]))) {
        extra.add(row);
      }
    }
    int total = members + extra.size();
    double[][] columns = new double[group.size()][total + 1];
    double[] weights = new double[total + 1];
    boolean sorted = group.size() == 1 && extra.isEmpty();
    if (sorted) {
      // Univariate: gather in value order from the table's sorted index.
      int d = group.get(0);
      int[] order = table.sortedRows(d);
      int j = 0;
      for (int i = 0; i < table.sortedCount(d); i++) {
        int row = order[i];
        if (rank[row] >= 0) {
          columns[0][j] = table.value(row, d);
          weights[j++] = ParzenEstimator.forgettingWeight(rank[row], total, s);
        }
      }
    } else {
      for (int row = 0; row < size; row++) {
        if (rank[row] >= 0) {
          for (int k = 0; k < group.size(); k++) {
            columns[k][rank[row]] = table.value(row, group.get(k));
          }
          weights[rank[row]] = ParzenEstimator.forgettingWeight(rank[row], total, s);
        }
      }
      for (int r = 0; r < extra.size(); r++) {
        for (int k = 0; k < group.size(); k++) {
          columns[k][members + r] = extra.get(r)[group.get(k)];
        }
        weights[members + r] = ParzenEstimator.forgettingWeight(members + r, total, s);
      }
    }
    int[][] order = sorted || !extra.isEmpty() || s.ruleBandwidths(group.size()) ? null : orderByValue(group, rank, members);
    return new ParzenEstimator(dims, columns, weights, total, sorted, order, s);
  }

  /** For each dimension of the group, the members' ranks ordered by value, read from the table's sorted index. */
  private int[][] orderByValue(List<Integer> group, int[] rank, int members) {
    int[][] order = new int[group.size()][];
    for (int k = 0; k < group.size(); k++) {
      int d = group.get(k);
      if (dimensions.get(d).kind == Dimension.Kind.CATEGORICAL) {
        continue; // categories have no bandwidth
      }
      int[] rows = table.sortedRows(d);
      int[] out = new int[members];
      int j = 0;
      for (int i = 0; i < table.sortedCount(d); i++) {
        if (rank[rows[i]] >= 0) {
          out[j++] = rank[rows[i]];
        }
      }
      order[k] = out;
    }
    return order;
  }

  private boolean activeRow(List<Integer> group, int row) {
    for (int d : group) {
      if (Double.isNaN(table.value(row, d))) {
        return false;
      }
    }
    return true;
  }

  /** Univariate: every dimension alone. Multivariate: dimensions sharing the activating condition. */
  private List<List<Integer>> groups(boolean multivariate) {
    List<List<Integer>> out = new ArrayList<>();
    Map<Condition, List<Integer>> byCondition = new LinkedHashMap<>();
    for (int d = 0; d < dimensions.size(); d++) {
      if (multivariate) {
        byCondition.computeIfAbsent(dimensions.get(d).parameter.condition(), c -> new ArrayList<>()).add(d);
      } else {
        out.add(List.of(d));
      }
    }
    out.addAll(byCondition.values());
    return out;
  }

  private static List<Integer> groupOf(List<List<Integer>> groups, int d) {
    for (List<Integer> g : groups) {
      if (g.contains(d)) {
        return g;
      }
    }
    throw new IllegalStateException("dimension " + d + " has no group");
  }

}
