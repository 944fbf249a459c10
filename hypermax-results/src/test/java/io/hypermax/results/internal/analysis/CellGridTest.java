package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CellGridTest {
  private static final NumericParameter A = NumericParameter.linear("a");
  private static final NumericParameter B = NumericParameter.linear("b");

  private static Map<String, Object> at(double a, double b) {
    return Map.of("a", a, "b", b);
  }

  @Test
  void eachCellHoldsTheMinOrMeanOfItsResults() {
    // a and b span 0..10, so cells are 1 wide; two results in cell (0,0), one in (9,9)
    Obs o = Obs.minimize().add(4, at(0, 0)).add(2, at(0.5, 0.7)).add(7, at(10, 10));
    Observations obs = o.build(A, B);
    CellGrid min = CellGrid.compute(obs, A, B, ValueKey.LOSS, 1, Reduction.MIN);
    CellGrid mean = CellGrid.compute(obs, A, B, ValueKey.LOSS, 1, Reduction.MEAN);
    assertEquals(10, min.width());
    assertEquals(10, min.height());
    assertEquals(2, min.values()[0][0]);
    assertEquals(3, mean.values()[0][0]);
    assertEquals(2, min.counts()[0][0]);
    assertEquals(7, min.values()[9][9]);
    assertFalse(min.empty(0, 0));
    assertTrue(min.empty(5, 5));
  }

  @Test
  void emptyCellsAreNotImputed() {
    // the original filled empty cells from their neighbours, so 40 trials drew a full 10x10 picture of invented losses
    Obs o = Obs.minimize().add(2, at(0, 0)).add(6, at(10, 10));
    CellGrid g = CellGrid.compute(o.build(A, B), A, B, ValueKey.LOSS, 1, Reduction.MIN);
    assertTrue(Double.isNaN(g.values()[1][0]));
    assertTrue(Double.isNaN(g.values()[9][0]));
    assertTrue(g.empty(9, 0));
    assertArrayEquals(new double[] {2, 6}, g.occupiedValues());
    assertTrue(Double.isNaN(g.rowRanks()[1][0]), "an empty cell has no rank either");
  }

  @Test
  void top10PercentMatricesBinOnlyTheBestResults() {
    Obs o = Obs.minimize();
    for (int i = 0; i < 100; i++) {
      o.add(i, at(i % 10, i / 10.0));
    }
    CellGrid g = CellGrid.compute(o.build(A, B), A, B, ValueKey.LOSS, 0.1, Reduction.MEAN);
    int total = 0;
    double worst = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < g.width(); i++) {
      for (int j = 0; j < g.height(); j++) {
        total += g.counts()[i][j];
        if (!g.empty(i, j)) {
          worst = Math.max(worst, g.values()[i][j]);
        }
      }
    }
    assertEquals(10, total, "only the best 10 of 100 results are binned");
    assertEquals(9, worst, "no result outside the top 10% contributes to any cell");
    assertEquals(0.9, g.yBuckets().edges()[g.yBuckets().count()], 1e-12, "the ranges span only the best results");
  }

  @Test
  void responseColoursRankCellsWithinEachRow() {
    Obs o = Obs.minimize();
    // row b = 0: losses 3, 1, 2 along a = 0, 5, 10; row b = 10: losses 5, 5, 5
    o.add(3, at(0, 0)).add(1, at(5, 0)).add(2, at(10, 0)).add(5, at(0, 10)).add(5, at(5, 10)).add(5, at(10, 10));
    CellGrid g = CellGrid.compute(o.build(A, B), A, B, ValueKey.LOSS, 1, Reduction.MIN);
    double[][] ranks = g.rowRanks();
    assertEquals(0, ranks[4][0], 1e-12, "a = 5 is the best of row 0");
    assertTrue(ranks[0][0] > ranks[9][0], "3 is worse than 2");
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, new double[] {ranks[0][9], ranks[4][9], ranks[9][9]});
  }
}
