package io.hypermax.core.history;

import io.hypermax.core.trial.TrialStatus;
import java.util.Arrays;
import io.hypermax.core.stability.API;

/**
 * The values one trial reported, by increasing step, and the trial's status. Immutable: a report
 * makes a new curve, so a snapshot can share curves with the running study.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LearningCurve {
  private final int trial;
  private final long[] steps;
  private final double[] values;
  private final TrialStatus status;

  private LearningCurve(int trial, long[] steps, double[] values, TrialStatus status) {
    this.trial = trial;
    this.steps = steps;
    this.values = values;
    this.status = status;
  }

  /** An empty curve of a running trial. */
  public static LearningCurve empty(int trial) {
    return new LearningCurve(trial, new long[0], new double[0], TrialStatus.RUNNING);
  }

  /** This curve with {@code value} at {@code step} (replacing a value reported for the same step). */
  public LearningCurve with(long step, double value) {
    int at = Arrays.binarySearch(steps, step);
    if (at >= 0) {
      double[] v = values.clone();
      v[at] = value;
      return new LearningCurve(trial, steps, v, status);
    }
    int insert = -at - 1;
    long[] s = new long[steps.length + 1];
    double[] v = new double[values.length + 1];
    System.arraycopy(steps, 0, s, 0, insert);
    System.arraycopy(values, 0, v, 0, insert);
    s[insert] = step;
    v[insert] = value;
    System.arraycopy(steps, insert, s, insert + 1, steps.length - insert);
    System.arraycopy(values, insert, v, insert + 1, values.length - insert);
    return new LearningCurve(trial, s, v, status);
  }

  public LearningCurve withStatus(TrialStatus newStatus) {
    return new LearningCurve(trial, steps, values, newStatus);
  }

  public int trial() {
    return trial;
  }

  public TrialStatus status() {
    return status;
  }

  public int size() {
    return steps.length;
  }

  public boolean isEmpty() {
    return steps.length == 0;
  }

  public long step(int i) {
    return steps[i];
  }

  public double value(int i) {
    return values[i];
  }

  /** The last reported step; -1 when empty. */
  public long lastStep() {
    return steps.length == 0 ? -1 : steps[steps.length - 1];
  }

  /** The value at the last reported step; NaN when empty. */
  public double lastValue() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }

  /** The value reported at exactly {@code step}, or NaN. */
  public double valueAt(long step) {
    int at = Arrays.binarySearch(steps, step);
    return at >= 0 ? values[at] : Double.NaN;
  }

  /** Index of the first step at or after {@code step}, or -1 when the curve never got there. */
  public int indexAtOrAfter(long step) {
    int at = Arrays.binarySearch(steps, step);
    int i = at >= 0 ? at : -at - 1;
    return i < steps.length ? i : -1;
  }

  /** The best value (lowest score under {@code minimize}) among steps up to {@code step}; NaN when none. */
  public double bestUpTo(long step, boolean minimize) {
    double best = Double.NaN;
    for (int i = 0; i < steps.length && steps[i] <= step; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(best) || (minimize ? v < best : v > best)) {
        best = v;
      }
    }
    return best;
  }
}
