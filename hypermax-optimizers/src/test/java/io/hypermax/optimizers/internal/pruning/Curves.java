package io.hypermax.optimizers.internal.pruning;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.TrialStatus;
import java.util.Map;

/** Hand-made learning curves for pruner tests. */
final class Curves {
  final LearningCurves curves = new LearningCurves();
  final Direction direction;

  Curves(Direction direction) {
    this.direction = direction;
  }

  static Curves minimize() {
    return new Curves(Direction.MINIMIZE);
  }

  /** A finished trial with values at steps 1, 2, … */
  Curves finished(int trial, TrialStatus status, double... values) {
    for (int i = 0; i < values.length; i++) {
      curves.report(trial, i + 1, values[i]);
    }
    curves.finished(trial, status);
    return this;
  }

  Curves complete(int trial, double... values) {
    return finished(trial, TrialStatus.COMPLETE, values);
  }

  /** Reports {@code value} at {@code step} for running trial {@code trial} and asks {@code pruner}. */
  boolean report(Pruner pruner, int trial, long step, double value) {
    curves.report(trial, step, value);
    return pruner.shouldPrune(new PruneRequest(trial, step, value, curves, direction));
  }

  /** Reports the values at steps 1, 2, … and returns the first step pruned at (0: never). */
  long run(Pruner pruner, int trial, double... values) {
    for (int i = 0; i < values.length; i++) {
      if (report(pruner, trial, i + 1, values[i])) {
        curves.finished(trial, TrialStatus.PRUNED);
        return i + 1;
      }
    }
    curves.finished(trial, TrialStatus.COMPLETE);
    return 0;
  }

  static Pruner create(PrunerProvider provider, Map<String, Object> settings) {
    return create(provider, settings, Direction.MINIMIZE);
  }

  static Pruner create(PrunerProvider provider, Map<String, Object> settings, Direction direction) {
    ConfigNode node = new ConfigNode("search.yaml", "search.pruner", JsonValues.toJson(settings));
    return provider.create(new PrunerProvider.Context(node, direction, 7));
  }
}
