package io.hypermax.core.spi;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.stability.API;

/**
 * What a {@link Pruner} decides on.
 *
 * @param trial the number of the trial that just reported
 * @param step the step it reported
 * @param value the value it reported (in the study's direction: lower is better under minimize)
 * @param curves every trial's learning curve so far, with its status (this trial's included)
 * @param direction whether lower or higher values are better
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PruneRequest(int trial, long step, double value, LearningCurves curves, Direction direction) {

  /** The reporting trial's curve. */
  public LearningCurve curve() {
    return curves.get(trial);
  }

  public boolean minimize() {
    return direction == Direction.MINIMIZE;
  }

  /** Whether {@code a} is worse than {@code b} in the study's direction. */
  public boolean worse(double a, double b) {
    return minimize() ? a > b : a < b;
  }
}
