package io.hypermax.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.pruning.TrialHandle;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.TrialResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports and pruning for the trials one {@link SharedStudyWorker} runs: every reported value goes to
 * the shared storage at once, and the pruner decides from the curves of every worker's trials as the
 * storage holds them now (as Optuna's RDB storage does), with this worker's own running trials
 * taken from what they reported in this run (a re-queued trial's abandoned run is not mixed in).
 * Each report reads only what the storage recorded since the last one ({@link SharedCurves}).
 * A decision is recorded in the shared study as a custom {@code prune} event, and the trial ends PRUNED.
 */
final class SharedStudyPruning {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedStudyPruning.class);

  private final SharedStudyStorage storage;
  private final Pruner pruner;
  private final PrunerSettings settings;
  private final Direction direction;
  /** Every worker's curves as this worker last read them, its own running trials' from this run (guarded by this). */
  private final SharedCurves curves;
  private final Map<Integer, Long> decisions = new ConcurrentHashMap<>();

  SharedStudyPruning(SharedStudyStorage storage, Pruner pruner, PrunerSettings settings, Direction direction) {
    this.storage = storage;
    this.pruner = pruner;
    this.settings = settings == null ? PrunerSettings.NONE : settings;
    this.direction = direction;
    this.curves = new SharedCurves(storage::curvesSince);
  }

  double graceSeconds() {
    return settings.graceSeconds();
  }

  /** The budget parameter this trial gets (name → value), or null. */
  Map.Entry<String, Number> budget(int number) {
    if (pruner == null || settings.budgetParameter() == null) {
      return null;
    }
    Number b = pruner.budget(number);
    return b == null ? null : Map.entry(settings.budgetParameter(), b);
  }

  /** Starts a trial run of this worker: a fresh curve. */
  synchronized void started(int number) {
    curves.release(number);
    decisions.remove(number);
  }

  TrialHandle handle(int number) {
    return new TrialHandle() {
      @Override
      public int number() {
        return number;
      }

      @Override
      public boolean report(long step, double value) {
        return SharedStudyPruning.this.report(number, step, value);
      }

      @Override
      public boolean shouldPrune() {
        return decisions.containsKey(number);
      }
    };
  }

  /** Records a report in the shared study and asks the pruner; true once the trial should stop. */
  synchronized boolean report(int number, long step, double value) {
    if (decisions.containsKey(number)) {
      return true; // its curve ends where it was pruned
    }
    storage.recordIntermediate(number, step, value);
    curves.reported(number, step, value);
    if (pruner == null) {
      return false;
    }
    boolean prune;
    try {
      prune = pruner.shouldPrune(new PruneRequest(number, step, value, curves.refresh(), direction));
    } catch (RuntimeException e) {
      LOG.warn("the pruner failed on trial {} step {}: {}", number, step, e.toString());
      return false;
    }
    if (prune) {
      decisions.put(number, step);
      ObjectNode event = JsonValues.MAPPER.createObjectNode();
      event.put("event", io.hypermax.core.study.Study.PRUNE_EVENT).put("trial", number).put("step", step);
      storage.recordCustom(event);
    }
    return prune;
  }

  /** The result to record: PRUNED (last value and step) when the pruner stopped the trial, else {@code raw}. */
  synchronized TrialResult outcome(int number, TrialResult raw) {
    Long decided = decisions.remove(number);
    LearningCurve c = curves.release(number);
    if (decided == null) {
      return raw;
    }
    long step = c == null ? decided : c.lastStep();
    double value = c == null ? Double.NaN : c.lastValue();
    TrialResult r = TrialResult.pruned(value, step, raw.time());
    return r.withUsage(raw.usage()).withLog(raw.log());
  }
}
