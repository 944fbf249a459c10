package io.hypermax.optimizers.internal.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiObjectiveSplitTest {
  private static final List<Integer> ROWS = List.of(10, 11, 12, 13, 14, 15, 16, 17);
  // Front 0: rows 10, 11. Front 1: rows 12..16 on a staircase. Front 2: row 17.
  private static final List<double[]> VECTORS = List.of(
      new double[] {0, 1}, new double[] {1, 0},
      new double[] {0.5, 5}, new double[] {1, 4}, new double[] {2, 2}, new double[] {4, 1}, new double[] {5, 0.5},
      new double[] {6, 6});

  @Test
  void wholeFrontsFirstThenTheLargestHypervolumeContributions() {
    assertEquals(List.of(10, 11), MultiObjectiveSplit.good(ROWS, VECTORS, 2));
    assertEquals(List.of(10, 11, 12, 13, 14, 15, 16), MultiObjectiveSplit.good(ROWS, VECTORS, 7));
    // One of front 1 in addition: reference (5.5, 5.5) from that front's worst values; the point (2, 2)
    // dominates the largest box: 3.5 * 3.5 = 12.25 against 4.5 * 1.5 and 1.5 * 4.5 (6.75) and 0.5 * 5 (2.5).
    assertEquals(List.of(10, 11, 14), MultiObjectiveSplit.good(ROWS, VECTORS, 3));
    // Then the one adding most to it: (1, 4) and (4, 1) add 1 * 1.5 each; the tie goes to the earlier row.
    assertEquals(List.of(10, 11, 14, 13), MultiObjectiveSplit.good(ROWS, VECTORS, 4));
  }
}
