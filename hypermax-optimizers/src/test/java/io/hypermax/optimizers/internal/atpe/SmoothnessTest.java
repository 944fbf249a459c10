package io.hypermax.optimizers.internal.atpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.objective.Direction;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SmoothnessTest {
  static final SearchSpace SPACE =
      SearchSpace.builder().number("x", -5, 5).number("lr", 1e-5, 1, o -> o.log()).choice("c", "a", "b").build();

  static History history(int n, ToDoubleFunction<Assignment> loss) {
    SplittableRandom r = new SplittableRandom(9);
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Assignment a = SPACE.sample(r);
      out.add(Trial.running(i, a, SPACE.nest(a), Instant.EPOCH)
          .finish(TrialResult.complete(loss.applyAsDouble(a), 0, Map.of()), Instant.EPOCH));
    }
    return History.of(new SuggestRequest(n, SPACE, out, List.of(), Direction.MINIMIZE, new SplittableRandom(1)));
  }

  static double x(Assignment a) {
    return ((Number) a.get("x")).doubleValue();
  }

  static double lr(Assignment a) {
    return Math.log10(((Number) a.get("lr")).doubleValue());
  }

  @Test
  void aSmoothLandscapeIsPredictableAndNoiseIsNot() {
    double smooth = Smoothness.of(SPACE.optimizable(), history(100, a -> x(a) * x(a) + Math.pow(lr(a) + 3, 2)));
    double rugged = Smoothness.of(SPACE.optimizable(), history(100, a -> Math.sin(40 * x(a)) + Math.cos(37 * lr(a))));
    SplittableRandom noise = new SplittableRandom(3);
    double random = Smoothness.of(SPACE.optimizable(), history(100, a -> noise.nextDouble()));
    assertTrue(smooth > 0.7, "smooth " + smooth);
    assertTrue(Math.abs(random) < 0.3, "random " + random);
    assertTrue(rugged < smooth - 0.4, "rugged " + rugged + " smooth " + smooth);
  }

  @Test
  void itIsScaleFreeInTheLossAndThreadsThroughTheFeatures() {
    ToDoubleFunction<Assignment> f = a -> Math.abs(x(a)) + 0.1 * lr(a);
    double base = Smoothness.of(SPACE.optimizable(), history(80, f));
    double scaled = Smoothness.of(SPACE.optimizable(), history(80, a -> 1e6 * f.applyAsDouble(a) - 42));
    assertEquals(base, scaled, 1e-12);
    double[] features = HistoryFeatures.compute(SPACE, history(80, f));
    assertEquals(base, features[HistoryFeatures.NAMES.indexOf("smooth_all")], 1e-12);
  }

  @Test
  void longHistoriesAreSampledSoTheCostIsBounded() {
    History h = history(1000, a -> x(a) * x(a));
    int[] stride = History.stride(1000, Smoothness.MAX_TRIALS);
    assertEquals(Smoothness.MAX_TRIALS, stride.length);
    assertEquals(0, stride[0]);
    assertTrue(stride[stride.length - 1] > 990);
    // The strided sample still sees the landscape: x² is as predictable from 128 of 1,000 trials.
    assertTrue(Smoothness.of(SPACE.optimizable(), h) > 0.7, "strided " + Smoothness.of(SPACE.optimizable(), h));
    assertEquals(0, Smoothness.of(SPACE.optimizable(), history(7, a -> x(a))), 0, "too few trials");
  }

  @Test
  void ranksShareTheirMeanOnTiesAsTheNaiveDefinitionDoes() {
    SplittableRandom r = new SplittableRandom(5);
    for (int rep = 0; rep < 200; rep++) {
      int n = 1 + r.nextInt(300);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        // Many ties, signed zeros and spread-out values alike.
        double x = r.nextBoolean() ? r.nextInt(1 + r.nextInt(40)) : r.nextDouble() * 1e6 - 5e5;
        v[i] = x == 0 && r.nextBoolean() ? -0.0 : x;
      }
      double[] naive = new double[n];
      for (int i = 0; i < n; i++) {
        int below = 0;
        int equal = 0;
        for (double w : v) {
          below += w < v[i] ? 1 : 0;
          equal += w == v[i] ? 1 : 0;
        }
        naive[i] = below + (equal - 1) / 2.0;
      }
      assertArrayEquals(naive, Association.ranks(v), 0);
    }
  }
}
