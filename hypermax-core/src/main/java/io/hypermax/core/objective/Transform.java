package io.hypermax.core.objective;

import io.hypermax.core.objective.Direction;
import io.hypermax.core.stability.API;

/**
 * Maps a metric's raw value to the value to minimise. Each transform applies the metric's direction
 * itself, because "better" decides where an asymptote sits.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Transform {
  /** The raw value oriented by {@code direction} (negated when maximised): the default. */
  Transform NONE = new Transform() {
    @Override
    public double apply(double value, Direction direction) {
      return direction.score(value);
    }

    @Override
    public String toString() {
      return "none";
    }
  };

  /**
   * The value to minimise.
   *
   * @throws IllegalArgumentException when the value is outside the transform's domain (the message
   *     says why, without the metric's name)
   */
  double apply(double value, Direction direction);

  /** {@code log(value)} (negated when maximised): for metrics spanning orders of magnitude. Needs value > 0. */
  record Log() implements Transform {
    @Override
    public double apply(double value, Direction direction) {
      if (!(value > 0)) {
        throw new IllegalArgumentException("= " + value + " has no logarithm (the log transform needs values > 0)");
      }
      return direction.score(Math.log(value));
    }
  }

  /**
   * The wishlist's asymptote at the best possible value. With {@code d(v)} the distance from
   * {@code v} to the best bound ({@code v - min} when minimised, {@code max - v} when maximised):
   *
   * <pre>  f(v) = ln(d(v) / d(target)) / ln(d(worst) / d(target))</pre>
   *
   * so f(target) = 0, f(worst bound) = 1, and f falls without limit as v approaches the best
   * bound. Why: near a metric's optimum, raw differences shrink (0.951 vs 0.950 accuracy) while a
   * penalty added to it does not; on this scale each halving of the distance to the bound is worth
   * the same, so a weighted sum keeps rewarding real progress near the target. Values past the
   * worst bound keep growing (logarithmically); a value at or beyond the best bound is an error.
   */
  record Asymptote(double min, double max, double target) implements Transform {
    public Asymptote {
      if (!(min < target && target < max)) {
        throw new IllegalArgumentException("needs min < target < max");
      }
    }

    @Override
    public double apply(double value, Direction direction) {
      boolean minimise = direction == Direction.MINIMIZE;
      double best = minimise ? min : max;
      double distance = minimise ? value - min : max - value;
      if (!(distance > 0)) {
        throw new IllegalArgumentException(
            "= " + value + " is at or beyond the asymptote's best bound " + (minimise ? "min " : "max ") + best);
      }
      double targetDistance = minimise ? target - min : max - target;
      double worstDistance = max - min;
      return Math.log(distance / targetDistance) / Math.log(worstDistance / targetDistance);
    }
  }
}
