package io.hypermax.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.objective.Direction;
import org.junit.jupiter.api.Test;

class PenaltyAndTransformTest {
  /**
   * The original README's example: target 5, max 10, penalty 0.1. Its formula gives 5 s -> 0,
   * 9 s -> 0.064 and 10 s -> 0.1 as it says; at 6 s the same formula gives (1/25) * 0.1 = 0.004,
   * not the 0.0025 the README prints (an arithmetic slip: no quadratic through the other three
   * points passes through 0.0025). The formula is the specification; 0.0025 is not reproduced.
   */
  @Test
  void theOriginalReadmesWorkedTimeExampleHolds() {
    Penalty p = new Penalty(5, 10, 0.1);
    assertEquals(0.0, p.apply(5.0), 1e-12);
    assertEquals(0.004, p.apply(6.0), 1e-12);
    assertEquals(Math.pow(6 - 5, 2) / Math.pow(10 - 5, 2) * 0.1, p.apply(6.0), 1e-12);
    assertEquals(0.064, p.apply(9.0), 1e-12);
    assertEquals(0.1, p.apply(10.0), 1e-12);
  }

  @Test
  void noPenaltyBelowTheTargetAndQuadraticGrowthPastTheMaximum() {
    Penalty p = new Penalty(5, 10, 0.1);
    assertEquals(0.0, p.apply(0.0), 0.0);
    assertEquals(0.0, p.apply(4.999), 0.0);
    assertEquals(0.4, p.apply(15.0), 1e-12); // (10/5)^2 * 0.1
    assertThrows(IllegalArgumentException.class, () -> new Penalty(10, 10, 1));
  }

  @Test
  void noTransformOrientsByDirection() {
    assertEquals(0.3, Transform.NONE.apply(0.3, Direction.MINIMIZE), 0.0);
    assertEquals(-0.3, Transform.NONE.apply(0.3, Direction.MAXIMIZE), 0.0);
  }

  @Test
  void logTransformNeedsPositiveValues() {
    Transform log = new Transform.Log();
    assertEquals(Math.log(100), log.apply(100, Direction.MINIMIZE), 1e-12);
    assertEquals(-Math.log(100), log.apply(100, Direction.MAXIMIZE), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.apply(0, Direction.MINIMIZE));
    assertTrue(e.getMessage().contains("> 0"), e.getMessage());
  }

  @Test
  void asymptoteIsZeroAtTargetOneAtTheWorstBoundAndFallsWithoutLimitTowardsTheBest() {
    // Minimised error in [0, 1], target 0.1: d(v) = v - 0.
    Transform.Asymptote a = new Transform.Asymptote(0, 1, 0.1);
    assertEquals(0.0, a.apply(0.1, Direction.MINIMIZE), 1e-12);
    assertEquals(1.0, a.apply(1.0, Direction.MINIMIZE), 1e-12);
    assertEquals(-1.0, a.apply(0.01, Direction.MINIMIZE), 1e-12); // ln(0.1)/ln(10)
    assertEquals(-2.0, a.apply(0.001, Direction.MINIMIZE), 1e-12);
    assertTrue(a.apply(1e-300, Direction.MINIMIZE) < -100);
    // Maximised accuracy in [0.5, 1], target 0.95: d(v) = 1 - v, d(target) = 0.05, d(worst) = 0.5.
    Transform.Asymptote acc = new Transform.Asymptote(0.5, 1, 0.95);
    assertEquals(0.0, acc.apply(0.95, Direction.MAXIMIZE), 1e-12);
    assertEquals(1.0, acc.apply(0.5, Direction.MAXIMIZE), 1e-12);
    assertEquals(-1.0, acc.apply(0.995, Direction.MAXIMIZE), 1e-12);
    // Equal steps towards the bound are worth more and more: 0.99 -> 0.995 gains more than 0.90 -> 0.905.
    double nearGain = acc.apply(0.99, Direction.MAXIMIZE) - acc.apply(0.995, Direction.MAXIMIZE);
    double farGain = acc.apply(0.90, Direction.MAXIMIZE) - acc.apply(0.905, Direction.MAXIMIZE);
    assertTrue(nearGain > 5 * farGain, nearGain + " vs " + farGain);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.apply(1.0, Direction.MAXIMIZE));
    assertTrue(e.getMessage().contains("best bound max 1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Transform.Asymptote(0, 1, 1));
  }
}
