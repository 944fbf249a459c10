package io.hypermax.executors;

import io.hypermax.core.pruning.TrialHandle;
import io.hypermax.core.pruning.TrialPrunedException;
import java.util.Map;

/** Java models that report a value per epoch and stop when pruned (java_function and java_process). */
public final class PruningModels {
  private PruningModels() {}

  /** Ten epochs of loss x + 1/epoch; returns early when the pruner says stop. */
  public static Object epochs(Map<String, Object> params, TrialHandle trial) {
    double x = ((Number) params.get("x")).doubleValue();
    for (int epoch = 1; epoch <= 10; epoch++) {
      double loss = x + 1.0 / epoch;
      if (trial.report(epoch, loss)) {
        System.out.println("heard prune at " + epoch);
        return loss;
      }
    }
    return x;
  }

  /** The same, stopping as Optuna models do: by throwing once pruned. */
  public static Object throwing(Map<String, Object> params, TrialHandle trial) {
    double x = ((Number) params.get("x")).doubleValue();
    for (int epoch = 1; epoch <= 10; epoch++) {
      if (trial.report(epoch, x + 1.0 / epoch)) {
        System.out.println("heard prune at " + epoch);
        throw new TrialPrunedException();
      }
    }
    return x;
  }
}
