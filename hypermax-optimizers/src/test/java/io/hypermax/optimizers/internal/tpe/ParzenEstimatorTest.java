package io.hypermax.optimizers.internal.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
  private static final Dimension X = Dimension.of(Parameter.of("x", NumberDistribution.uniform(-5, 10)));

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  @Test
  void sortedInputGivesTheSameMixtureAsUnsorted() {
    double[] values = {3.0, -4.5, 2.0, 2.0, 9.9, 0.1, 7.5, 2.0, -1.0};
    double[] weights = {0.2, 0.4, 1, 1, 1, 0.6, 1, 0.8, 1};
    Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] sortedValues = new double[values.length];
    double[] sortedWeights = new double[values.length];
    for (int i = 0; i < order.length; i++) {
      sortedValues[i] = values[order[i]];
      sortedWeights[i] = weights[order[i]];
    }
    for (TpeSettings s : List.of(TpeSettings.DEFAULTS, TpeSettings.from(io.hypermax.core.config.ConfigNode.empty(null, "search")))) {
      ParzenEstimator plain = new ParzenEstimator(List.of(X), new double[][] {values}, weights, values.length, false, s);
      ParzenEstimator sorted = new ParzenEstimator(List.of(X), new double[][] {sortedValues}, sortedWeights, values.length, true, s);
      for (double x = -5; x <= 10; x += 0.37) {
        assertEquals(plain.logDensity(new double[] {x}), sorted.logDensity(new double[] {x}), 1e-12, "at " + x);
      }
    }
  }

  @Test
  void densityKernelsIntegrateToOne() {
    TpeSettings density = new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, false, true, 1.0, false, false, 0.0, 0, 0.2);
    double[] values = {-4.9, 1.0, 1.2, 8.0};
    ParzenEstimator p = new ParzenEstimator(List.of(X), new double[][] {values}, ones(4), 4, false, density);
    double integral = 0;
    double h = 0.001;
    for (double x = -5 + h / 2; x < 10; x += h) {
      integral += Math.exp(p.logDensity(new double[] {x})) * h;
    }
    assertEquals(1.0, integral, 1e-3);
  }

  @Test
  void samplesFollowTheObservations() {
    double[] values = {2.0, 2.1, 1.9, 2.05};
    ParzenEstimator p = new ParzenEstimator(List.of(X), new double[][] {values}, ones(4), 4, false, TpeSettings.DEFAULTS);
    SplittableRandom rng = new SplittableRandom(3);
    int near = 0;
    for (int i = 0; i < 2000; i++) {
      double x = p.sample(rng)[0];
      assertTrue(x >= -5 && x <= 10);
      if (Math.abs(x - 2) < 3) {
        near++;
      }
    }
    // 4 of 5 components sit at ~2 with bandwidth >= 15/6: most draws land within 3 of it.
    assertTrue(near > 1300, "draws near the observations: " + near);
  }

  @Test
  void forgettingRampsOldObservationsDown() {
    TpeSettings s = TpeSettings.DEFAULTS;
    assertEquals(1.0, ParzenEstimator.forgettingWeight(0, s.nFullWeight(), s));
    assertEquals(1.0 / 100, ParzenEstimator.forgettingWeight(0, 100, s), 1e-12);
    assertEquals(1.0, ParzenEstimator.forgettingWeight(99, 100, s));
    assertTrue(ParzenEstimator.forgettingWeight(30, 100, s) < ParzenEstimator.forgettingWeight(60, 100, s));
  }

  @Test
  void recombinedDrawsMixCoordinatesOfDifferentObservations() {
    Dimension a = Dimension.of(Parameter.of("a", NumberDistribution.uniform(0, 1)));
    Dimension b = Dimension.of(Parameter.of("b", NumberDistribution.uniform(0, 1)));
    TpeSettings narrow = new TpeSettings(10, 0.1, 25, 24, 1.0, false, false, 25, true, true, 0.01, true, false, 1.0, 0, 0.2);
    double[][] columns = {{0.1, 0.9}, {0.1, 0.9}}; // observations (0.1, 0.1) and (0.9, 0.9)
    ParzenEstimator p = new ParzenEstimator(List.of(a, b), columns, ones(2), 2, false, narrow);
    SplittableRandom rng = new SplittableRandom(5);
    int mixedJoint = 0;
    int mixedRecombined = 0;
    for (int i = 0; i < 3000; i++) {
      double[] joint = p.sample(rng, false);
      double[] recombined = p.sample(rng, true);
      mixedJoint += Math.abs(joint[0] - 0.1) < 0.05 && Math.abs(joint[1] - 0.9) < 0.05 ? 1 : 0;
      mixedRecombined += Math.abs(recombined[0] - 0.1) < 0.05 && Math.abs(recombined[1] - 0.9) < 0.05 ? 1 : 0;
    }
    // Each observation has weight 1/3 (the prior the rest): a recombined draw pairs them with probability 1/9.
    assertTrue(mixedRecombined > 200, "recombined draws at (0.1, 0.9): " + mixedRecombined);
    assertTrue(mixedJoint < 30, "joint draws at (0.1, 0.9) come only from the prior: " + mixedJoint);
  }

  @Test
  void smallGroupsUseNeighbourBandwidthsUpToAdaptiveBandwidthDims() {
    Dimension a = Dimension.of(Parameter.of("a", NumberDistribution.uniform(0, 1)));
    Dimension b = Dimension.of(Parameter.of("b", NumberDistribution.uniform(0, 1)));
    int m = 30;
    double[][] columns = new double[2][m]; // a tight cluster around (0.5, 0.5), 0.1 wide
    for (int i = 0; i < m; i++) {
      columns[0][i] = 0.45 + 0.1 * i / m;
      columns[1][i] = 0.55 - 0.1 * ((i * 7) % m) / m;
    }
    TpeSettings d = TpeSettings.DEFAULTS;
    TpeSettings upTo2 = new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, true, true, 0.6, true, false, 1.0, 2, 0.2);
    TpeSettings upTo1 = new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, true, true, 0.6, true, false, 1.0, 1, 0.2);
    TpeSettings allAdaptive = new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, true, true, 0.6, true, true, 1.0, 0, 0.2);
    TpeSettings allRule = new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, true, true, 0.6, true, false, 1.0, 0, 0.2);
    double[] outside = {0.58, 0.58}; // 0.03 beyond the cluster's corner on both axes
    double adaptive2 = new ParzenEstimator(List.of(a, b), columns, ones(m), m, false, upTo2).logDensity(outside);
    double adaptive1 = new ParzenEstimator(List.of(a, b), columns, ones(m), m, false, upTo1).logDensity(outside);
    double adaptiveAll = new ParzenEstimator(List.of(a, b), columns, ones(m), m, false, allAdaptive).logDensity(outside);
    double rule = new ParzenEstimator(List.of(a, b), columns, ones(m), m, false, allRule).logDensity(outside);
    assertEquals(adaptiveAll, adaptive2, 1e-12, "a group of 2 within adaptive_bandwidth_dims 2");
    assertEquals(rule, adaptive1, 1e-12, "a group of 2 beyond adaptive_bandwidth_dims 1");
    // Neighbour distances within the cluster are far below the rule's 0.2 * 30^(-1/6) * 0.6 = 0.068, so
    // the kernels are narrower (down to the magic clip, 1/31) and the mixture falls off faster outside it.
    assertTrue(adaptive2 < rule - 0.5, adaptive2 + " vs " + rule);
    assertTrue(d.ruleBandwidths(d.adaptiveBandwidthDims() + 1) && !d.ruleBandwidths(d.adaptiveBandwidthDims()));
    assertTrue(!d.withMultivariate(false).ruleBandwidths(10), "univariate TPE never uses the rule");
  }

  @Test
  void aGivenOrderGivesTheSameJointBandwidthsAsSorting() {
    Dimension a = Dimension.of(Parameter.of("a", NumberDistribution.uniform(-5, 10)));
    double[][] columns = {{3.0, -4.5, 2.0, 2.0, 9.9, 0.1, 7.5, 2.0, -1.0}, {1.0, 1.0, 8.0, -3.0, 0.5, 0.5, 6.0, 9.0, 2.5}};
    int m = columns[0].length;
    int[][] order = new int[2][];
    for (int k = 0; k < 2; k++) {
      double[] values = columns[k];
      order[k] = java.util.stream.IntStream.range(0, m).boxed()
          .sorted((x, y) -> Double.compare(values[x], values[y])).mapToInt(Integer::intValue).toArray();
    }
    double[] weights = {0.2, 0.4, 1, 1, 1, 0.6, 1, 0.8, 1};
    TpeSettings s = TpeSettings.DEFAULTS;
    ParzenEstimator sorting = new ParzenEstimator(List.of(X, a), columns, weights, m, false, null, s);
    ParzenEstimator ordered = new ParzenEstimator(List.of(X, a), columns, weights, m, false, order, s);
    for (double x = -5; x <= 10; x += 0.73) {
      for (double y = -5; y <= 10; y += 0.91) {
        double[] p = {x, y};
        assertEquals(sorting.logDensity(p), ordered.logDensity(p), 1e-12, "at " + x + ", " + y);
      }
    }
  }

  @Test
  void ruleBandwidthScalesTheJointRule() {
    Dimension a = Dimension.of(Parameter.of("a", NumberDistribution.uniform(0, 1)));
    Dimension b = Dimension.of(Parameter.of("b", NumberDistribution.uniform(0, 1)));
    double[][] columns = {{0.2, 0.5, 0.55, 0.9}, {0.3, 0.5, 0.45, 0.1}};
    // Groups of 2 beyond adaptive_bandwidth_dims 1 use the rule c * n^(-1/(d+4)) * range * bandwidth_factor.
    TpeSettings c04 = new TpeSettings(10, 0.1, 25, 24, 1.0, false, false, 25, true, true, 0.6, true, false, 1.0, 1, 0.4);
    TpeSettings factor12 = new TpeSettings(10, 0.1, 25, 24, 1.0, false, false, 25, true, true, 1.2, true, false, 1.0, 1, 0.2);
    TpeSettings c02 = new TpeSettings(10, 0.1, 25, 24, 1.0, false, false, 25, true, true, 0.6, true, false, 1.0, 1, 0.2);
    double[] x = {0.6, 0.4};
    double wide = new ParzenEstimator(List.of(a, b), columns, ones(4), 4, false, c04).logDensity(x);
    assertEquals(new ParzenEstimator(List.of(a, b), columns, ones(4), 4, false, factor12).logDensity(x), wide, 1e-12);
    double narrow = new ParzenEstimator(List.of(a, b), columns, ones(4), 4, false, c02).logDensity(x);
    assertTrue(wide > narrow, "wider unit-peak kernels reach further: " + wide + " vs " + narrow);
  }
}
