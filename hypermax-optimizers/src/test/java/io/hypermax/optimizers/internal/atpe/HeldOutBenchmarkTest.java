package io.hypermax.optimizers.internal.atpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.optimizers.internal.atpe.training.HeldOutBenchmark;
import io.hypermax.optimizers.internal.atpe.training.SimulatedObjective;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutBenchmarkTest {

  @Test
  void regretsAreNonNegativeAndShrinkWithBudget() {
    HeldOutBenchmark.Result r = HeldOutBenchmark.run(List.of("random", "atpe"), 2, 2, List.of(12, 24));
    for (double[][][] perMethod : r.regrets().values()) {
      for (double[][] perObjective : perMethod) {
        for (double[] seed : perObjective) {
          assertTrue(seed[0] >= 0 && seed[1] <= seed[0], java.util.Arrays.toString(seed));
        }
      }
    }
    assertEquals(2 + 2, HeldOutBenchmark.table(r).size());
  }

  @Test
  void objectivesAreReproducibleAndInTheUnitInterval() {
    SimulatedObjective a = SimulatedObjective.generate(42);
    SimulatedObjective b = SimulatedObjective.generate(42);
    assertEquals(a.space().toString(), b.space().toString());
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      var x = a.space().sample(r);
      double v = a.trueLoss(x);
      assertEquals(v, b.trueLoss(x), 0.0);
      assertTrue(Double.isNaN(v) || (v >= 0 && v <= 1), "loss " + v);
    }
  }
}
