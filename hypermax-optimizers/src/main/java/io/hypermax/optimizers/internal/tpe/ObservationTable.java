package io.hypermax.optimizers.internal.tpe;

import io.hypermax.core.objective.ParetoFront;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finished trials encoded on the dimensions' axes, kept between suggestions: a finished trial never
 * changes, so each is encoded once. Rows are ordered by trial number (linear forgetting weighs by
 * age), so the table is the same however the trials arrived — a resumed study sees the same table.
 * Inactive parameters are NaN. Each dimension also keeps its active rows sorted by value, maintained
 * by insertion, so univariate estimators get sorted observations without sorting.
 */
final class ObservationTable {
  private final List<Dimension> dimensions;
  private final Set<Integer> known = new HashSet<>();
  private int size;
  private int[] numbers = new int[64];
  /** Score to minimize; NaN for trials that only count as bad (failed, killed). */
  private double[] scores = new double[64];
  /** The step a PRUNED row was stopped at; -1 for COMPLETE rows (which rank before every pruned one). */
  private long[] prunedSteps = new long[64];
  /** Multi-objective studies: each COMPLETE row's vector to minimise (null otherwise). */
  private double[][] vectors = new double[64][];
  private boolean anyVector;
  private double[][] columns;
  /** Per dimension: the rows where it is active, ordered by value (ties by row). */
  private final int[][] sorted;
  private final int[] sortedCount;

  ObservationTable(List<Dimension> dimensions) {
    this.dimensions = dimensions;
    this.columns = new double[dimensions.size()][64];
    this.sorted = new int[dimensions.size()][64];
    this.sortedCount = new int[dimensions.size()];
  }

  /** Adds the finished trials of {@code request} not seen before. */
  void update(SuggestRequest request) {
    List<Trial> finished = request.finished();
    if (finished.size() == size) {
      return; // finished trials only accumulate: same count, same trials
    }
    for (Trial t : finished) {
      if (known.add(t.number())) {
        insert(t.number(), scoreOf(request, t), t.result() == null ? -1 : t.result().prunedStep(), ParetoFront.vector(t), encode(t));
      }
    }
  }

  /**
   * Bad-only trials (FAILED, KILLED) get NaN: they join the bad set whatever their loss. PRUNED trials
   * are scored by their last reported value and ranked as Optuna does ({@link #better}).
   */
  private static double scoreOf(SuggestRequest request, Trial t) {
    if (t.status() == TrialStatus.PRUNED) {
      double s = request.score(t);
      return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s; // pruned at a NaN: the worst of its step
    }
    return t.status() == TrialStatus.COMPLETE ? request.score(t) : Double.NaN;
  }

  /**
   * Whether row {@code a} ranks before row {@code b} (both scored), as Optuna's TPE ranks trials:
   * COMPLETE rows by score first; then PRUNED rows, those stopped at a later step first, and among
   * those stopped at the same step by their last reported value. Ties keep the older row first.
   */
  boolean better(int a, int b) {
    long sa = prunedSteps[a];
    long sb = prunedSteps[b];
    if ((sa < 0) != (sb < 0)) {
      return sa < 0;
    }
    if (sa != sb) {
      return sa > sb;
    }
    return scores[a] < scores[b];
  }

  double[] encode(Trial t) {
    double[] row = new double[dimensions.size()];
    for (int d = 0; d < row.length; d++) {
      row[d] = dimensions.get(d).encode(t.assignment().get(dimensions.get(d).parameter.path()));
    }
    return row;
  }

  private void insert(int number, double score, long prunedStep, double[] vector, double[] row) {
    if (size == numbers.length) {
      int capacity = size * 2;
      numbers = Arrays.copyOf(numbers, capacity);
      scores = Arrays.copyOf(scores, capacity);
      prunedSteps = Arrays.copyOf(prunedSteps, capacity);
      vectors = Arrays.copyOf(vectors, capacity);
      for (int d = 0; d < columns.length; d++) {
        columns[d] = Arrays.copyOf(columns[d], capacity);
        sorted[d] = Arrays.copyOf(sorted[d], capacity);
      }
    }
    int at = size;
    while (at > 0 && numbers[at - 1] > number) {
      at--; // a trial that finished late: keep number order
    }
    int tail = size - at;
    System.arraycopy(numbers, at, numbers, at + 1, tail);
    System.arraycopy(scores, at, scores, at + 1, tail);
    System.arraycopy(prunedSteps, at, prunedSteps, at + 1, tail);
    System.arraycopy(vectors, at, vectors, at + 1, tail);
    numbers[at] = number;
    scores[at] = score;
    prunedSteps[at] = prunedStep;
    vectors[at] = vector;
    anyVector |= vector != null;
    for (int d = 0; d < columns.length; d++) {
      System.arraycopy(columns[d], at, columns[d], at + 1, tail);
      columns[d][at] = row[d];
      if (tail > 0) {
        shiftRows(d, at); // rare: a trial finished after a later-numbered one
      }
      if (!Double.isNaN(row[d])) {
        insertSorted(d, at, row[d]);
      }
    }
    size++;
  }

  private void shiftRows(int d, int from) {
    int[] order = sorted[d];
    for (int i = 0; i < sortedCount[d]; i++) {
      if (order[i] >= from) {
        order[i]++;
      }
    }
  }

  private void insertSorted(int d, int row, double value) {
    int[] order = sorted[d];
    int lo = 0;
    int hi = sortedCount[d];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (columns[d][order[mid]] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    System.arraycopy(order, lo, order, lo + 1, sortedCount[d] - lo);
    order[lo] = row;
    sortedCount[d]++;
  }

  /** Rows where dimension {@code d} is active, ordered by value; valid up to {@link #sortedCount}. */
  int[] sortedRows(int d) {
    return sorted[d];
  }

  int sortedCount(int d) {
    return sortedCount[d];
  }

  int size() {
    return size;
  }

  double score(int row) {
    return scores[row];
  }

  /** The row's objective vector in a multi-objective study, else null. */
  double[] vector(int row) {
    return vectors[row];
  }

  /** Whether any row has an objective vector: the study is multi-objective. */
  boolean multiObjective() {
    return anyVector;
  }

  double value(int row, int dimension) {
    return columns[dimension][row];
  }

  /** Number of rows with a score (COMPLETE and PRUNED trials, as Optuna counts them). */
  int scoredCount() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(scores[i])) {
        n++;
      }
    }
    return n;
  }
}
