package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BucketsTest {

  @Test
  void linearEdgesAreEvenlySpacedBetweenTheObservedExtremes() {
    Buckets b = Buckets.compute(new double[] {2, 0, 10, 7}, NumericParameter.linear("x"), 20);
    assertEquals(20, b.count());
    for (int i = 0; i <= 20; i++) {
      assertEquals(i * 0.5, b.edges()[i], 1e-12);
    }
  }

  @Test
  void aValueOnAnEdgeBelongsToTheBucketBelowItAndTheLowestEdgeToTheFirst() {
    Buckets b = Buckets.compute(new double[] {0, 10}, NumericParameter.linear("x"), 20);
    assertEquals(0, b.indexOf(0));
    assertEquals(0, b.indexOf(0.5));
    assertEquals(1, b.indexOf(0.5000001));
    assertEquals(19, b.indexOf(10));
    assertEquals(-1, b.indexOf(10.01));
    assertEquals(-1, b.indexOf(-0.01));
  }

  @Test
  void logarithmicEdgesAreEvenlySpacedInLogSpace() {
    Buckets b = Buckets.compute(new double[] {1e-4, 0.3, 1}, NumericParameter.logarithmic("lr"), 4);
    double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], b.edges()[i], expected[i] * 1e-9);
    }
    assertEquals(0, b.indexOf(1e-4));
    assertEquals(1, b.indexOf(0.005));
    assertEquals(2, b.indexOf(0.05));
    assertEquals(3, b.indexOf(1));
    assertEquals(Math.sqrt(1e-3 * 1e-2), b.center(1, true), 1e-15);
  }

  @Test
  void roundedParametersWithFewValuesGetOneBucketPerValue() {
    NumericParameter layers = new NumericParameter("layers", false, 1.0);
    Buckets b = Buckets.compute(new double[] {1, 3, 6, 2}, layers, 20);
    assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5}, b.edges(), 1e-12);
    for (int v = 1; v <= 6; v++) {
      assertEquals(v - 1, b.indexOf(v));
    }
  }

  @Test
  void roundedParametersWithManyValuesFallBackToEvenBuckets() {
    NumericParameter units = new NumericParameter("units", false, 1.0);
    Buckets b = Buckets.compute(new double[] {0, 100}, units, 10);
    assertEquals(10, b.count());
    assertEquals(10, b.edges()[1], 1e-12);
  }

  @Test
  void aConstantParameterHasOneBucket() {
    Buckets b = Buckets.compute(new double[] {3, 3, 3}, NumericParameter.linear("x"), 20);
    assertEquals(1, b.count());
    assertEquals(0, b.indexOf(3));
  }
}
