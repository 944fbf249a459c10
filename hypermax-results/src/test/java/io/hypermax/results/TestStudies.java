package io.hypermax.results;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Hand-made studies for tests. */
public final class TestStudies {
  private TestStudies() {}

  /** n trials drawn from the space's prior with a fixed seed; the loss and time come from the functions. */
  public static StudySnapshot sampled(
      SearchSpace space, int n, long seed, ToDoubleFunction<Map<String, Object>> loss,
      ToDoubleFunction<Map<String, Object>> time, Direction direction) {
    Random rng = new Random(seed);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Assignment a = space.sample(rng);
      trials.add(trial(space, i, a, loss.applyAsDouble(a.values()), time.applyAsDouble(a.values())));
    }
    return new StudySnapshot(space, trials, direction, n, seed);
  }

  /** One trial per given assignment, in order. */
  public static StudySnapshot of(SearchSpace space, List<Map<String, Object>> params, double[] losses, Direction d) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      trials.add(trial(space, i, new Assignment(params.get(i)), losses[i], 1.0 + i));
    }
    return new StudySnapshot(space, trials, d, params.size(), 1);
  }

  public static Trial trial(SearchSpace space, int number, Assignment a, double loss, double time) {
    Instant t0 = Instant.ofEpochSecond(1_700_000_000L + number);
    return Trial.running(number, a, space.nest(a), t0)
        .finish(TrialResult.complete(loss, time, Map.of()), t0.plusSeconds(1));
  }

  /** x: linear [0, 10]; lr: log [1e-4, 1]; layers: integer [1, 6]; act: relu/tanh/sigmoid. */
  public static SearchSpace threeNumericOneCategorical() {
    return new SearchSpace(
        List.of(
            Parameter.of("x", NumberDistribution.uniform(0, 10)),
            Parameter.of("lr", NumberDistribution.logUniform(1e-4, 1)),
            Parameter.of("layers", NumberDistribution.integer(1, 6, false)),
            Parameter.of("act", CategoricalDistribution.of(List.of("relu", "tanh", "sigmoid")))));
  }

  /** A loss with a sweet spot at x = 3, lr = 0.01, layers mattering a little, tanh slightly better. */
  public static double bowl(Map<String, Object> p) {
    double x = ((Number) p.get("x")).doubleValue();
    double lr = ((Number) p.get("lr")).doubleValue();
    int layers = ((Number) p.get("layers")).intValue();
    double act = "tanh".equals(p.get("act")) ? -0.3 : 0;
    return (x - 3) * (x - 3) + 2 * Math.pow(Math.log10(lr) + 2, 2) + 0.2 * layers + act;
  }
}
