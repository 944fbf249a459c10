package io.hypermax.results.internal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import io.hypermax.results.internal.analysis.Numbers;

class NumbersTest {
  @Test
  void formatsCompactly() {
    assertEquals("0.1235", Numbers.format(0.123456, 4));
    assertEquals("1235", Numbers.format(1234.5, 4));
    assertEquals("1.235e5", Numbers.format(123456, 4));
    assertEquals("1e-4", Numbers.format(1e-4, 4));
    assertEquals("0.001", Numbers.format(0.001, 4));
    assertEquals("-2.5", Numbers.format(-2.5, 4));
    assertEquals(".421", HeatMapChart.cellText(0.4213));
  }
}
