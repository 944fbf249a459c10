package io.hypermax.examples.library;

import io.hypermax.core.stability.API;

// snippet:builder-imports
import io.hypermax.core.Hypermax;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.util.Map;
// end:builder-imports

/** A search space built in Java and minimized with the default method (TPE). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BuilderExample {
  private BuilderExample() {}

  /** A made-up validation loss with its minimum at lr = 0.01, layers = 3, activation = tanh. */
  static double train(Map<String, Object> p) {
    double lr = (Double) p.get("lr");
    int layers = (Integer) p.get("layers");
    double penalty = "tanh".equals(p.get("activation")) ? 0 : 0.5;
    return Math.pow(Math.log10(lr) + 2, 2) + Math.abs(layers - 3) * 0.1 + penalty;
  }

  public static Trial run() {
    // snippet:builder
    SearchSpace space = SearchSpace.builder()
        .number("lr", 1e-4, 1e-1, n -> n.log())
        .integer("layers", 1, 6)
        .choice("activation", "relu", "tanh")
        .build();
    StudySnapshot result = Hypermax.minimize(space, params -> train(params), 60);
    Trial best = result.best().orElseThrow();
    System.out.println("best loss " + best.loss() + " with " + best.parameters());
    // end:builder
    return best;
  }

  public static void main(String[] args) {
    run();
  }
}
