package io.hypermax.optimizers.internal.atpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.Assignment;
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
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class HistoryFeaturesTest {
  static final SearchSpace SPACE =
      SearchSpace.builder().number("x", 0, 1).number("noise", 0, 1).choice("c", "a", "b", "z").build();

  static List<Trial> history(int n, DoubleUnaryOperator transform) {
    SplittableRandom r = new SplittableRandom(4);
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Assignment a = SPACE.sample(r);
      double x = ((Number) a.get("x")).doubleValue();
      double loss = transform.applyAsDouble(x * x + 0.01 * r.nextDouble());
      out.add(Trial.running(i, a, SPACE.nest(a), Instant.EPOCH).finish(TrialResult.complete(loss, 0, Map.of()), Instant.EPOCH));
    }
    return out;
  }

  static double[] features(List<Trial> trials, Direction d) {
    return HistoryFeatures.compute(SPACE,
        History.of(new SuggestRequest(trials.size(), SPACE, trials, List.of(), d, new SplittableRandom(1))));
  }

  @Test
  void shiftingScalingAndMaximisingTheLossChangesNothing() {
    double[] base = features(history(60, v -> v), Direction.MINIMIZE);
    assertArrayEquals(base, features(history(60, v -> 3 * v - 7), Direction.MINIMIZE), 1e-9);
    assertArrayEquals(base, features(history(60, v -> -v), Direction.MAXIMIZE), 1e-9);
  }

  @Test
  void theParameterThatDrivesTheLossHasTheHighestAssociation() {
    List<Trial> t = history(60, v -> v);
    History h = History.of(new SuggestRequest(60, SPACE, t, List.of(), Direction.MINIMIZE, new SplittableRandom(1)));
    int[] all = new int[60];
    for (int i = 0; i < 60; i++) {
      all[i] = i;
    }
    double x = Association.of(SPACE.get("x"), h, all);
    double noise = Association.of(SPACE.get("noise"), h, all);
    double c = Association.of(SPACE.get("c"), h, all);
    assertTrue(x > 0.95, "x " + x);
    assertTrue(noise < 0.3 && c < 0.4, "noise " + noise + " c " + c);
    assertEquals(x, features(t, Direction.MINIMIZE)[HistoryFeatures.NAMES.indexOf("corr_all_max")], 1e-12);
  }

  @Test
  void emptyAndTinyHistoriesGiveFiniteFeatures() {
    for (int n : new int[] {0, 1, 2, 3}) {
      for (double v : features(history(n, x -> 0), Direction.MINIMIZE)) {
        assertTrue(Double.isFinite(v));
      }
    }
    assertEquals(HistoryFeatures.NAMES.size(), features(history(0, x -> x), Direction.MINIMIZE).length);
  }

  @Test
  void lockingKeepsTheDrivingParameterFreeAndCopiesOneTopTrial() {
    List<Trial> t = history(60, v -> v);
    History h = History.of(new SuggestRequest(60, SPACE, t, List.of(), Direction.MINIMIZE, new SplittableRandom(1)));
    AtpeAction lockAll = AtpeAction.defaultTpe().withLock("t", 0.5, 1.0, 0);
    Map<String, Object> locks = Locking.locks(SPACE, h, lockAll, new SplittableRandom(2));
    assertTrue(locks.containsKey("noise"), locks.toString());
    assertTrue(!locks.containsKey("x"), locks.toString()); // the parameter that drives the loss stays free
    Trial best = h.scored().get(h.byScore()[0]);
    assertEquals(best.assignment().get("noise"), locks.get("noise"));
  }
}
