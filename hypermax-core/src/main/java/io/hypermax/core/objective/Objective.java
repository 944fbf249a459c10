package io.hypermax.core.objective;

import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Turns a raw trial result into the one the study records: its loss becomes the weighted sum of
 * the metrics' values to minimise, the metadata gains each metric's value ({@code objective.<name>})
 * and each penalty ({@code penalty.<name>}) so every writer shows them, and in a Pareto study the
 * result carries the vector of those values. {@link #LOSS}, the default, leaves results untouched.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Objective {
  /** No {@code metrics} section: the result's {@code loss} is the loss. */
  public static final Objective LOSS = new Objective(List.of(), false);

  private final List<Metric> metrics;
  private final boolean pareto;

  public Objective(List<Metric> metrics, boolean pareto) {
    this.metrics = List.copyOf(metrics);
    this.pareto = pareto;
    if (pareto && this.metrics.size() < 2) {
      throw new IllegalArgumentException("a Pareto study needs at least two metrics");
    }
  }

  public List<Metric> metrics() {
    return metrics;
  }

  public boolean isPareto() {
    return pareto;
  }

  public boolean isDefault() {
    return metrics.isEmpty();
  }

  /** Names of the objectives of a Pareto study, in order (empty otherwise). */
  public List<String> objectiveNames() {
    return pareto ? metrics.stream().map(Metric::name).toList() : List.of();
  }

  /**
   * The result to record for {@code raw}. KILLED results keep their kill loss; FAILED ones stay
   * failed, except a result object that lacked only {@code loss}, which the metrics may score. A
   * named metric that is missing, not a number, or outside its transform's domain makes the trial
   * FAILED with a message naming the metric.
   */
  public TrialResult apply(TrialResult raw) {
    if (isDefault() || raw.status() == TrialStatus.KILLED) {
      return raw;
    }
    if (raw.status() == TrialStatus.FAILED && !ResultParser.lacksLossOnly(raw)) {
      return raw;
    }
    Map<String, Object> metadata = new LinkedHashMap<>(raw.metadata());
    Map<String, Double> vector = new LinkedHashMap<>();
    double sum = 0;
    for (Metric m : metrics) {
      double value;
      if (m.type() == MetricType.VALUE) {
        Object field = m.name().equals("loss") && raw.status() == TrialStatus.COMPLETE ? raw.loss() : raw.metadata().get(m.name());
        if (field == null) {
          return failed(raw, metadata, "metric '" + m.name() + "' is missing from the result object (fields: "
              + fields(raw) + ")");
        }
        if (!(field instanceof Number n) || Double.isNaN(n.doubleValue())) {
          return failed(raw, metadata, "metric '" + m.name() + "' is not a number: " + field);
        }
        if (m.name().equals("loss")) {
          metadata.put("loss", n.doubleValue()); // the raw loss stays visible next to the combined one
        }
        value = n.doubleValue();
      } else {
        value = m.type().measured(raw);
        if (Double.isNaN(value)) {
          return failed(raw, metadata, "metric '" + m.name() + "' (type " + m.type().key()
              + ") needs a measurement (" + m.type().key() + ") that this trial did not get: java_function measures no RAM, ssh no CPU,"
              + " and a process that ends before its first sample (a few ms) is not measured");
        }
      }
      double toMinimise;
      try {
        toMinimise = m.toMinimise(value);
      } catch (IllegalArgumentException e) {
        return failed(raw, metadata, "metric '" + m.name() + "' " + e.getMessage());
      }
      metadata.put(m.columnName(), toMinimise);
      vector.put(m.name(), toMinimise);
      sum += m.weight() * toMinimise;
    }
    if (Double.isNaN(sum)) {
      return failed(raw, metadata, "the weighted sum of the metrics is NaN");
    }
    return new TrialResult(
        TrialStatus.COMPLETE, sum, raw.time(), metadata, null, raw.log(), raw.usage(), pareto ? vector : Map.of());
  }

  private static String fields(TrialResult raw) {
    List<String> names = new java.util.ArrayList<>(raw.metadata().keySet());
    if (raw.status() == TrialStatus.COMPLETE) {
      names.add(0, "loss");
    }
    return String.join(", ", names);
  }

  private static TrialResult failed(TrialResult raw, Map<String, Object> metadata, String error) {
    return new TrialResult(TrialStatus.FAILED, Double.NaN, raw.time(), metadata, error, raw.log(), raw.usage());
  }
}
