package io.hypermax.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.pruning.TrialHandle;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports and pruning for the trials one {@link SharedStudyWorker} runs: every reported value goes to
 * the shared storage at once, and the pruner decides from the curves of every worker's trials as the
 * storage holds them now (as Optuna's RDB storage does), with this worker's own running trials
 * taken from what they reported in this run (a re-queued trial's abandoned run is not mixed in).
 * A decision is recorded in the shared study as a custom {@code prune} event, and the trial ends PRUNED.
 */
final class SharedStudyPruning {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedStudyPruning.class);

  private final SharedStudyStorage storage;
  private final Pruner pruner;
  private final PrunerSettings settings;
  private final Direction direction;
  /** This worker's running trials' curves, by trial number (this run's reports only). */
  private final Map<Integer, LearningCurve> own = new ConcurrentHashMap<>();
  private final Map<Integer, Long> decisions = new ConcurrentHashMap<>();

  SharedStudyPruning(SharedStudyStorage storage, Pruner pruner, PrunerSettings settings, Direction direction) {
    this.storage = storage;
    this.pruner = pruner;
    this.settings = settings == null ? PrunerSettings.NONE : settings;
    this.direction = direction;
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
  void started(int number) {
    own.remove(number);
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
    own.compute(number, (k, c) -> (c == null ? LearningCurve.empty(number) : c).with(step, value));
    if (pruner == null) {
      return false;
    }
    boolean prune;
    try {
      prune = pruner.shouldPrune(new PruneRequest(number, step, value, curves(), direction));
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

  /** Every worker's curves as the shared study holds them now, this worker's running trials from this run. */
  private LearningCurves curves() {
    StoredStudy stored = storage.load();
    LearningCurves curves = new LearningCurves();
    for (StoredStudy.Intermediate v : stored.intermediates()) {
      if (!own.containsKey(v.trial())) {
        curves.report(v.trial(), v.step(), v.value());
      }
    }
    for (LearningCurve c : own.values()) {
      for (int i = 0; i < c.size(); i++) {
        curves.report(c.trial(), c.step(i), c.value(i));
      }
    }
    List<Trial> finished = stored.finished();
    for (Trial t : finished) {
      if (!own.containsKey(t.number())) {
        curves.finished(t.number(), t.status());
      }
    }
    return curves;
  }

  /** The result to record: PRUNED (last value and step) when the pruner stopped the trial, else {@code raw}. */
  TrialResult outcome(int number, TrialResult raw) {
    Long decided = decisions.remove(number);
    LearningCurve c = own.remove(number);
    if (decided == null) {
      return raw;
    }
    long step = c == null ? decided : c.lastStep();
    double value = c == null ? Double.NaN : c.lastValue();
    TrialResult r = TrialResult.pruned(value, step, raw.time());
    return r.withUsage(raw.usage()).withLog(raw.log());
  }
}
