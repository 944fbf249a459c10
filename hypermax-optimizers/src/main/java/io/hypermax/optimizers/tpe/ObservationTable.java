package io.hypermax.optimizers.tpe;

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
 * Inactive parameters are NaN.
 */
final class ObservationTable {
  private final List<Dimension> dimensions;
  private final Set<Integer> known = new HashSet<>();
  private int size;
  private int[] numbers = new int[64];
  /** Score to minimize; NaN for trials that only count as bad (failed, killed). */
  private double[] scores = new double[64];
  private double[][] columns;

  ObservationTable(List<Dimension> dimensions) {
    this.dimensions = dimensions;
    this.columns = new double[dimensions.size()][64];
  }

  /** Adds the finished trials of {@code request} not seen before. */
  void update(SuggestRequest request) {
    List<Trial> finished = request.finished();
    if (finished.size() == size) {
      return; // finished trials only accumulate: same count, same trials
    }
    for (Trial t : finished) {
      if (known.add(t.number())) {
        insert(t.number(), scoreOf(request, t), encode(t));
      }
    }
  }

  /** Bad-only trials (FAILED, KILLED) get NaN: they join the bad set whatever their loss. */
  private static double scoreOf(SuggestRequest request, Trial t) {
    return t.status() == TrialStatus.COMPLETE ? request.score(t) : Double.NaN;
  }

  double[] encode(Trial t) {
    double[] row = new double[dimensions.size()];
    for (int d = 0; d < row.length; d++) {
      row[d] = dimensions.get(d).encode(t.assignment().get(dimensions.get(d).parameter.path()));
    }
    return row;
  }

  private void insert(int number, double score, double[] row) {
    if (size == numbers.length) {
      int capacity = size * 2;
      numbers = Arrays.copyOf(numbers, capacity);
      scores = Arrays.copyOf(scores, capacity);
      for (int d = 0; d < columns.length; d++) {
        columns[d] = Arrays.copyOf(columns[d], capacity);
      }
    }
    int at = size;
    while (at > 0 && numbers[at - 1] > number) {
      at--; // a trial that finished late: keep number order
    }
    int tail = size - at;
    System.arraycopy(numbers, at, numbers, at + 1, tail);
    System.arraycopy(scores, at, scores, at + 1, tail);
    numbers[at] = number;
    scores[at] = score;
    for (int d = 0; d < columns.length; d++) {
      System.arraycopy(columns[d], at, columns[d], at + 1, tail);
      columns[d][at] = row[d];
    }
    size++;
  }

  int size() {
    return size;
  }

  double score(int row) {
    return scores[row];
  }

  double value(int row, int dimension) {
    return columns[dimension][row];
  }

  /** Number of rows with a score (COMPLETE trials). */
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
