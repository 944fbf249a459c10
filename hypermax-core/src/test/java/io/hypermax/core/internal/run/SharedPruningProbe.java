package io.hypermax.core.internal.run;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.storage.SharedStudyStorage;
import java.util.HashMap;
import java.util.Map;

/**
 * One worker's report path from outside this package (the report-cost benchmark in hypermax-executors): the real
 * {@link SharedStudyPruning#report}, and what a report did before reads were incremental (record the value, reload
 * the whole study, build the curves). The pruner never prunes, so only the reads and the curves are measured.
 */
public final class SharedPruningProbe {
  private final SharedStudyStorage storage;
  private final SharedStudyPruning pruning;
  private final Map<Integer, LearningCurve> own = new HashMap<>();

  public SharedPruningProbe(SharedStudyStorage storage) {
    this.storage = storage;
    this.pruning = new SharedStudyPruning(storage, request -> request.curves().isEmpty(), PrunerSettings.NONE,
        Direction.MINIMIZE);
  }

  /** A report as it is made now: only what is new is read. */
  public boolean report(int trial, long step, double value) {
    return pruning.report(trial, step, value);
  }

  /** A report as it was made before: the whole study reloaded; returns the number of curves built. */
  public int reportReloadingAll(int trial, long step, double value) {
    storage.recordIntermediate(trial, step, value);
    own.compute(trial, (k, c) -> (c == null ? LearningCurve.empty(trial) : c).with(step, value));
    return SharedPruningScenario.fullReload(storage.load(), own).size();
  }
}
