package io.hypermax.core.internal.run;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.storage.CurveUpdates;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.TrialStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The learning curves a shared-study worker's pruner decides from, kept up to date from what the storage recorded
 * since the last read ({@link SharedStudyStorage#curvesSince}) instead of reloading the whole study on every report.
 * Every worker's trials show the storage's curve with its finished status; a trial this worker runs shows, once it
 * reported in this run, only this run's values and no status (a re-queued trial's abandoned run is not mixed in).
 * That is what the pruner saw when each report reloaded the study; only the read is incremental.
 *
 * <p>Not thread-safe: {@link SharedStudyPruning} calls it under its lock.
 */
final class SharedCurves {
  private final Function<CurveUpdates.Cursor, CurveUpdates> read;
  /** The storage's curves as read so far, without statuses. */
  private final Map<Integer, LearningCurve> stored = new HashMap<>();
  private final Map<Integer, TrialStatus> statuses = new HashMap<>();
  /** This worker's running trials that reported in this run: their curves from this run's reports only. */
  private final Map<Integer, LearningCurve> own = new HashMap<>();
  /** What the pruner sees: own curves in place of stored ones, stored ones with their status. */
  private LearningCurves view = new LearningCurves();
  private CurveUpdates.Cursor cursor = CurveUpdates.Cursor.START;

  /** @param read {@link SharedStudyStorage#curvesSince} of the shared study */
  SharedCurves(Function<CurveUpdates.Cursor, CurveUpdates> read) {
    this.read = read;
  }

  /** A report of this worker's trial {@code trial} in its current run. */
  void reported(int trial, long step, double value) {
    LearningCurve before = own.get(trial);
    if (before == null) {
      view.started(trial); // from now on this run's curve stands in for the stored one
    }
    own.put(trial, (before == null ? LearningCurve.empty(trial) : before).with(step, value));
    view.report(trial, step, value);
  }

  /** This worker's run of {@code trial} is over (or starts anew): returns its curve, and the stored one shows again. */
  LearningCurve release(int trial) {
    LearningCurve mine = own.remove(trial);
    if (mine != null) {
      view.started(trial);
      showStored(view, trial);
    }
    return mine;
  }

  /** Applies what the storage recorded since the last read; returns the curves for the pruner. */
  LearningCurves refresh() {
    CurveUpdates news = read.apply(cursor);
    if (news.complete()) {
      stored.clear();
      statuses.clear();
    }
    Set<Integer> finishedNow = new HashSet<>(news.finished().keySet());
    for (StoredStudy.Intermediate v : news.intermediates()) {
      stored.compute(v.trial(), (k, c) -> (c == null ? LearningCurve.empty(k) : c).with(v.step(), v.value()));
      if (!news.complete() && !own.containsKey(v.trial())) {
        view.report(v.trial(), v.step(), v.value()); // keeps the curve's status, as stored.with does
      }
      if (statuses.containsKey(v.trial())) {
        finishedNow.add(v.trial()); // a value read after its trial's status: the status goes on its new curve
      }
    }
    statuses.putAll(news.finished());
    if (news.complete()) {
      view = rebuilt();
    } else {
      for (int t : finishedNow) {
        if (!own.containsKey(t)) {
          view.finished(t, statuses.get(t));
        }
      }
    }
    cursor = news.next();
    return view;
  }

  /** The view from scratch: every stored curve with its status, then this worker's own in their place. */
  private LearningCurves rebuilt() {
    LearningCurves fresh = new LearningCurves();
    for (int t : stored.keySet()) {
      if (!own.containsKey(t)) {
        showStored(fresh, t);
      }
    }
    for (LearningCurve c : own.values()) {
      for (int i = 0; i < c.size(); i++) {
        fresh.report(c.trial(), c.step(i), c.value(i));
      }
    }
    return fresh;
  }

  private void showStored(LearningCurves into, int trial) {
    LearningCurve c = stored.get(trial);
    if (c == null) {
      return;
    }
    for (int i = 0; i < c.size(); i++) {
      into.report(trial, c.step(i), c.value(i));
    }
    TrialStatus status = statuses.get(trial);
    if (status != null) {
      into.finished(trial, status);
    }
  }
}
