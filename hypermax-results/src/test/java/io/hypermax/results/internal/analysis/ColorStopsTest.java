package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColorStopsTest {
  @Test
  void stopsSitAtThe5th20th40thAnd90thPercentiles() {
    double[] v = new double[101];
    for (int i = 0; i <= 100; i++) {
      v[i] = 50 + i * 2; // range 50..250
    }
    ColorStops s = ColorStops.percentiles(v);
    assertEquals(0.05, s.blue(), 1e-12);
    assertEquals(0.20, s.green(), 1e-12);
    assertEquals(0.40, s.yellow(), 1e-12);
    assertEquals(0.90, s.red(), 1e-12);
  }

  @Test
  void equalValuesUseTheFixedStops() {
    assertEquals(ColorStops.FIXED, ColorStops.percentiles(new double[] {2, 2, 2}));
  }
}
