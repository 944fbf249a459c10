package io.hypermax.core.dbr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * The trial a {@link TrialRunner} evaluates: its number, its parameters, and the metrics it records.
 * It reports intermediate values to the tuner's pruner ({@link #report}; see docs/pruning.md).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TunerTrial implements io.hypermax.core.pruning.TrialHandle {
  private static final Set<String> RESERVED = Set.of("loss", "time");

  private final int number;
  private final HyperParameters hyperParameters;
  private final Map<String, Object> metrics = new LinkedHashMap<>();
  private final io.hypermax.core.pruning.TrialHandle handle;

  TunerTrial(int number, HyperParameters hyperParameters) {
    this(number, hyperParameters, io.hypermax.core.pruning.TrialHandle.NONE);
  }

  TunerTrial(int number, HyperParameters hyperParameters, io.hypermax.core.pruning.TrialHandle handle) {
    this.number = number;
    this.hyperParameters = hyperParameters;
    this.handle = handle;
  }

  @Override
  public int number() {
    return number;
  }

  /**
   * Reports the score (in the tuner's direction) reached at {@code step}; true when the pruner says
   * stop. Return (or throw {@link io.hypermax.core.pruning.TrialPrunedException}) then: the trial is
   * recorded as PRUNED with this value.
   */
  @Override
  public boolean report(long step, double value) {
    return handle.report(step, value);
  }

  @Override
  public boolean shouldPrune() {
    return handle.shouldPrune();
  }

  /** The trial's parameters (the same object the build function got). */
  public HyperParameters hyperParameters() {
    return hyperParameters;
  }

  /** The active parameters' values by name. */
  public Map<String, Object> params() {
    return hyperParameters.values();
  }

  /**
   * Records a metric of this trial (epochs trained, validation accuracy, …). It is saved with the
   * trial in the project's journal and read back with {@link Tuner#metricValues}.
   */
  public synchronized TunerTrial metric(String name, Object value) {
    if (name == null || name.isBlank() || RESERVED.contains(name)) {
      throw new IllegalArgumentException("a metric name must be non-empty and not one of " + RESERVED + ", found '" + name + "'");
    }
    if (!(value == null || value instanceof Number || value instanceof String || value instanceof Boolean)) {
      throw new IllegalArgumentException("metric '" + name + "' must be a number, string or boolean, found " + value);
    }
    metrics.put(name, value);
    return this;
  }

  public synchronized Map<String, Object> metrics() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
