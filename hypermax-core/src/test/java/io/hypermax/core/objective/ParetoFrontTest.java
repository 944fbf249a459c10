package io.hypermax.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
  @Test
  void dominanceNeedsNoWorseEverywhereAndBetterSomewhere() {
    assertTrue(ParetoFront.dominates(new double[] {1, 1}, new double[] {1, 2}));
    assertFalse(ParetoFront.dominates(new double[] {1, 2}, new double[] {1, 2}));
    assertFalse(ParetoFront.dominates(new double[] {0, 3}, new double[] {1, 2}));
  }

  @Test
  void ranksPeelFrontsInOrder() {
    List<double[]> pts = List.of(
        new double[] {1, 4}, new double[] {2, 2}, new double[] {4, 1}, // front 0
        new double[] {3, 3}, new double[] {2, 5},                      // front 1
        new double[] {4, 4});                                          // front 2
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, ParetoFront.ranks(pts));
  }

  @Test
  void hypervolumeIsExactInTwoAndThreeDimensions() {
    List<double[]> pts = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1}, new double[] {3, 3});
    // Staircase under reference (4, 4): 3*1 + 2*1 + 1*1 = 6.
    assertEquals(6.0, ParetoFront.hypervolume(pts, new double[] {4, 4}), 1e-12);
    assertEquals(0.0, ParetoFront.hypervolume(List.of(new double[] {5, 1}), new double[] {4, 4}), 0.0);
    // One point in 3-D: a box.
    assertEquals(24.0, ParetoFront.hypervolume(List.of(new double[] {0, 0, 0}), new double[] {2, 3, 4}), 1e-12);
    // Random 3-D points against a Monte Carlo estimate of the same union of boxes.
    Random rng = new Random(7);
    List<double[]> cloud = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      cloud.add(new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()});
    }
    double[] ref = {1, 1, 1};
    int hits = 0;
    int samples = 400_000;
    for (int s = 0; s < samples; s++) {
      double[] q = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
      for (double[] p : cloud) {
        if (p[0] <= q[0] && p[1] <= q[1] && p[2] <= q[2]) {
          hits++;
          break;
        }
      }
    }
    assertEquals((double) hits / samples, ParetoFront.hypervolume(cloud, ref), 0.005);
  }
}
