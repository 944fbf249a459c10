package io.hypermax.core.objective;

import io.hypermax.core.trial.TrialResult;
import java.util.Locale;
import io.hypermax.core.stability.API;

/** Where a metric's raw value comes from. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum MetricType {
  /** A numeric field of the function's result object, named like the metric. */
  VALUE("value", null),
  /** The trial's time in seconds: the {@code time} the function returned, otherwise the measured wall time. */
  TIME("time", "_time"),
  /** Peak resident memory of the trial's process tree, in MiB, as the executor measured it. */
  RAM("ram", "_ram"),
  /** CPU seconds of the trial's process tree, as the executor measured it. */
  CPU("cpu", "_cpu");

  private final String key;
  private final String suffix;

  MetricType(String key, String suffix) {
    this.key = key;
    this.suffix = suffix;
  }

  public String key() {
    return key;
  }

  /** Penalty types read {@code target<suffix>} and {@code max<suffix>}, e.g. {@code target_time}. */
  public boolean isPenalty() {
    return suffix != null;
  }

  public String targetKey() {
    return "target" + suffix;
  }

  public String maxKey() {
    return "max" + suffix;
  }

  /** The measured value of a penalty type (NaN when the executor did not measure it). */
  double measured(TrialResult r) {
    return switch (this) {
      case TIME -> r.time();
      case RAM -> r.usage().peakRssMiB();
      case CPU -> r.usage().cpuSeconds();
      case VALUE -> throw new IllegalStateException("a value metric is read from the result object");
    };
  }

  public static MetricType parse(String text) {
    for (MetricType t : values()) {
      if (t.key.equals(text.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown metric type '" + text + "'; use value, time, ram or cpu");
  }
}
