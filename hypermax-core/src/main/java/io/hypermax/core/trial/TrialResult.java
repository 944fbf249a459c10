package io.hypermax.core.trial;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * The outcome of running one trial.
 *
 * @param status COMPLETE, FAILED, KILLED or PRUNED
 * @param loss the loss as the function reported it (NaN only when FAILED); KILLED trials carry the
 *     kill loss
 * @param time seconds: the function's own {@code time} field when it gave one, else the measured
 *     wall time
 * @param metadata every other field of the function's result object, kept as given
 * @param error why the trial failed or was killed; null when COMPLETE
 * @param log path of the trial's log file relative to the results directory, or null
 * @param usage measured resources
 * @param objectives in a multi-objective study ({@code search.objectives: pareto}), each metric's
 *     value to minimize (direction and transform already applied), in the order of the config's
 *     {@code metrics}; empty otherwise
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TrialResult(
    TrialStatus status,
    double loss,
    double time,
    Map<String, Object> metadata,
    String error,
    String log,
    ResourceUsage usage,
    Map<String, Double> objectives) {

  public TrialResult {
    if (status == TrialStatus.RUNNING) {
      throw new IllegalArgumentException("a result cannot be RUNNING");
    }
    if (status == TrialStatus.COMPLETE && Double.isNaN(loss)) {
      throw new IllegalArgumentException("a COMPLETE trial needs a loss, found NaN");
    }
    // Bounded sizes (ResultLimits): a result of tens of MB must not be held several times over and journaled.
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ResultLimits.metadata(metadata)));
    error = ResultLimits.error(error);
    usage = usage == null ? ResourceUsage.UNKNOWN : usage;
    objectives = objectives == null || objectives.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(objectives));
  }

  /** A single-objective result (no objective vector). */
  public TrialResult(
      TrialStatus status, double loss, double time, Map<String, Object> metadata, String error, String log,
      ResourceUsage usage) {
    this(status, loss, time, metadata, error, log, usage, Map.of());
  }

  public static TrialResult complete(double loss, double time, Map<String, Object> metadata) {
    return new TrialResult(TrialStatus.COMPLETE, loss, time, metadata, null, null, null);
  }

  public static TrialResult failed(String error, double time) {
    return new TrialResult(TrialStatus.FAILED, Double.NaN, time, Map.of(), error, null, null);
  }

  public static TrialResult killed(double killLoss, String reason, double time) {
    return new TrialResult(TrialStatus.KILLED, killLoss, time, Map.of(), reason, null, null);
  }

  /** The metadata key of a PRUNED trial's last reported step. */
  public static final String PRUNED_STEP = "pruned_at_step";

  /**
   * A trial a pruner stopped: its loss is the last value it reported, at {@code step} (kept in the
   * metadata as {@value #PRUNED_STEP}, so results.csv shows it).
   */
  public static TrialResult pruned(double lastValue, long step, double time) {
    return new TrialResult(TrialStatus.PRUNED, lastValue, time, Map.of(PRUNED_STEP, step), "pruned at step " + step, null, null);
  }

  /** A PRUNED result's last reported step, or -1 for other results. */
  public long prunedStep() {
    return status == TrialStatus.PRUNED && metadata.get(PRUNED_STEP) instanceof Number n ? n.longValue() : -1;
  }

  public TrialResult withLog(String logPath) {
    return new TrialResult(status, loss, time, metadata, error, logPath, usage, objectives);
  }

  public TrialResult withUsage(ResourceUsage newUsage) {
    return new TrialResult(status, loss, time, metadata, error, log, newUsage, objectives);
  }

  /** This result with {@code extra} entries added to the metadata; keys already present keep their values. */
  public TrialResult withExtraMetadata(Map<String, Object> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, Object> merged = new LinkedHashMap<>(extra);
    merged.putAll(metadata);
    return new TrialResult(status, loss, time, merged, error, log, usage, objectives);
  }

  public TrialResult withTime(double newTime) {
    return new TrialResult(status, loss, newTime, metadata, error, log, usage, objectives);
  }

  /** True when this result carries a multi-objective vector. */
  public boolean hasObjectives() {
    return !objectives.isEmpty();
  }
}
