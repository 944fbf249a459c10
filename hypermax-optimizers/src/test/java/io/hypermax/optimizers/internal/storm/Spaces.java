package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Small spaces and hand-made histories for StoRM tests. */
final class Spaces {
  private Spaces() {}

  static List<Object> range(int n) {
    return new ArrayList<>(IntStream.range(0, n).boxed().toList());
  }

  static Parameter ordered(String name, int size) {
    return Parameter.of(name, new CategoricalDistribution(range(size), true));
  }

  static Parameter unordered(String name, int size) {
    return Parameter.of(name, new CategoricalDistribution(range(size), false));
  }

  /** 3 ordered x 2 unordered x 2 booleans = 12 configurations. */
  static SearchSpace twelvePoints() {
    return new SearchSpace(List.of(ordered("a", 3), unordered("b", 2), Parameter.of("c", CategoricalDistribution.booleans())));
  }

  static Trial finished(int number, Assignment a, double loss) {
    return Trial.running(number, a, Map.of(), Instant.EPOCH).finish(TrialResult.complete(loss, 0, Map.of()), Instant.EPOCH);
  }

  static SuggestRequest request(SearchSpace space, List<Trial> finished, RandomGenerator random) {
    return new SuggestRequest(finished.size(), space, finished, List.of(), Direction.MINIMIZE, random);
  }

  static SuggestRequest request(SearchSpace space, List<Trial> finished, long seed) {
    return request(space, finished, new SplittableRandom(seed));
  }
}
