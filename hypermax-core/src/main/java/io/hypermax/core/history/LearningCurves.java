package io.hypermax.core.history;

import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import io.hypermax.core.stability.API;

/**
 * The learning curves of a study's trials, by trial number. The study writes (under its lock);
 * pruners, snapshots and result generators read from any thread: each curve is immutable and the
 * map is concurrent, so handing it out costs nothing and a reader sees each curve whole.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LearningCurves {
  private final ConcurrentHashMap<Integer, LearningCurve> curves = new ConcurrentHashMap<>();

  /** The curves recorded in a storage: its intermediate values, with the status each finished trial ended with. */
  public static LearningCurves of(io.hypermax.core.storage.StoredStudy stored) {
    LearningCurves c = new LearningCurves();
    for (io.hypermax.core.storage.StoredStudy.Intermediate v : stored.intermediates()) {
      c.report(v.trial(), v.step(), v.value());
    }
    for (io.hypermax.core.trial.Trial t : stored.finished()) {
      c.finished(t.number(), t.status());
    }
    return c;
  }

  /** Records a report of a running trial and returns its curve. */
  public LearningCurve report(int trial, long step, double value) {
    return curves.compute(trial, (k, c) -> (c == null ? LearningCurve.empty(trial) : c).with(step, value));
  }

  /** A trial started (again, after a crash): its curve starts anew. */
  public void started(int trial) {
    curves.remove(trial);
  }

  /** A trial finished with {@code status}; trials that reported nothing have no curve. */
  public void finished(int trial, TrialStatus status) {
    curves.computeIfPresent(trial, (k, c) -> c.withStatus(status));
  }

  /** The curve of {@code trial}, or null when it reported nothing. */
  public LearningCurve get(int trial) {
    return curves.get(trial);
  }

  /** Every curve, in no particular order. */
  public Collection<LearningCurve> all() {
    return curves.values();
  }

  /** Every curve ordered by trial number (for files and charts). */
  public List<LearningCurve> sorted() {
    List<LearningCurve> list = new ArrayList<>(curves.values());
    list.sort(Comparator.comparingInt(LearningCurve::trial));
    return list;
  }

  public boolean isEmpty() {
    return curves.isEmpty();
  }

  /** Number of trials with a curve. */
  public int size() {
    return curves.size();
  }
}
