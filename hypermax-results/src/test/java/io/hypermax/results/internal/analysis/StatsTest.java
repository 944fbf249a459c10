package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void percentilesInterpolateLikeNumpy() {
    double[] v = {4, 1, 3, 2};
    assertEquals(1, Stats.percentile(v, 0));
    assertEquals(2.5, Stats.percentile(v, 50));
    assertEquals(3.7, Stats.percentile(v, 90), 1e-12);
    assertEquals(4, Stats.percentile(v, 100));
  }

  @Test
  void roundsToSignificantDigits() {
    assertEquals(0.1235, Stats.round(0.123456, 4));
    assertEquals(123500, Stats.round(123456, 4));
    assertEquals(-2.0e-7, Stats.round(-1.99999e-7, 4));
    assertEquals("0.3", Double.toString(Stats.round(0.30000000000000004, 4)));
  }

  @Test
  void tiesShareTheirAverageRank() {
    assertArrayEquals(new double[] {0, 1.5, 1.5, 3}, Stats.ranks(new double[] {1, 5, 5, 9}));
  }
}
