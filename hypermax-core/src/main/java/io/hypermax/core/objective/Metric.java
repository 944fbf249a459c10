package io.hypermax.core.objective;

import io.hypermax.core.objective.Direction;
import java.util.Objects;
import io.hypermax.core.stability.API;

/**
 * One entry of the {@code metrics} section.
 *
 * @param name the result field it reads (type value) and the label of its columns
 * @param weight its factor in the weighted sum (>= 0)
 * @param direction whether the raw value is minimised or maximised (type value only)
 * @param transform maps the raw value to the value to minimise (type value only)
 * @param penalty for time, ram and cpu: the quadratic penalty over the measured value; null for value
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Metric(
    String name, MetricType type, double weight, Direction direction, Transform transform, Penalty penalty) {
  public Metric {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("the weight must be a finite number >= 0");
    }
    direction = direction == null ? Direction.MINIMIZE : direction;
    transform = transform == null ? Transform.NONE : transform;
    if (type.isPenalty() != (penalty != null)) {
      throw new IllegalArgumentException("time, ram and cpu metrics have a penalty, value metrics none");
    }
  }

  public static Metric value(String name, double weight, Direction direction, Transform transform) {
    return new Metric(name, MetricType.VALUE, weight, direction, transform, null);
  }

  public static Metric penalty(String name, MetricType type, double weight, Penalty penalty) {
    return new Metric(name, type, weight, Direction.MINIMIZE, Transform.NONE, penalty);
  }

  /** The value this metric contributes before its weight: the transformed value, or the penalty. */
  public double toMinimise(double raw) {
    return penalty != null ? penalty.apply(raw) : transform.apply(raw, direction);
  }

  /** The metadata key of this metric's value to minimise: {@code penalty.<name>} or {@code objective.<name>}. */
  public String columnName() {
    return (penalty != null ? "penalty." : "objective.") + name;
  }
}
