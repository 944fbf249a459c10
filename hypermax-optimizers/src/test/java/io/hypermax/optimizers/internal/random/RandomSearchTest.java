package io.hypermax.optimizers.internal.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.Hypermax;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.plugin.PluginKind;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.trial.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Random search draws each parameter from its prior; checked statistically on 4,000 trials (tolerances ≈ 5 σ). */
class RandomSearchTest {
  static final int N = 4000;

  static SearchSpace space(String properties) {
    return SpaceParser.parse(ConfigLoader.parseTree("space.yaml", "type: object\nproperties:\n" + properties));
  }

  static List<Map<String, Object>> draws(SearchSpace space, long seed, int n) {
    return Hypermax.study(space).method("random").seed(seed).iterations(n).minimize(p -> 0.0).trials().stream()
        .map(Trial::parameters)
        .toList();
  }

  static double[] numbers(List<Map<String, Object>> draws, String name) {
    return draws.stream().mapToDouble(d -> ((Number) d.get(name)).doubleValue()).toArray();
  }

  @Test
  void isFoundByServiceLoader() {
    assertTrue(Plugins.load().ids(PluginKind.OPTIMIZER).contains("random"));
  }

  @Test
  void uniformAndLogUniformSpreadEvenlyOnTheirScale() {
    List<Map<String, Object>> d =
        draws(space("  x: {type: number, min: -2, max: 6}\n  lr: {type: number, min: 0.0001, max: 1, scaling: logarithmic}\n"), 1, N);
    double[] x = numbers(d, "x");
    double[] lr = numbers(d, "lr");
    assertEquals(2.0, mean(x), 0.2, "uniform mean is the mid-point");
    assertEquals(0.25, fraction(x, v -> v < 0), 0.035);
    // On a log scale, each decade of [1e-4, 1] gets a quarter of the draws; a linear draw would put 99% above 0.01.
    assertEquals(0.5, fraction(lr, v -> v < 0.01), 0.04);
    assertEquals(0.25, fraction(lr, v -> v < 0.001), 0.035);
    assertTrue(allWithin(x, -2, 6) && allWithin(lr, 0.0001, 1));
  }

  @Test
  void normalModeHasItsMeanAndStddevAndStaysInBounds() {
    List<Map<String, Object>> d =
        draws(space("""
              m: {type: number, min: 0, max: 1, mode: normal, mean: 0.6, stddev: 0.1}
              w: {type: number, min: 0.001, max: 10, scaling: logarithmic, mode: normal, mean: 0.1, stddev: 1}
            """), 2, N);
    double[] m = numbers(d, "m");
    assertEquals(0.6, mean(m), 0.01);
    assertEquals(0.1, stddev(m), 0.01);
    double[] logW = java.util.Arrays.stream(numbers(d, "w")).map(Math::log).toArray();
    assertEquals(Math.log(0.1), median(logW), 0.1, "log-normal: the median is the mean given");
    assertTrue(allWithin(m, 0, 1) && allWithin(numbers(d, "w"), 0.001, 10));
  }

  @Test
  void roundedAndIntegerValuesAreOnTheGridWithEqualMass() {
    List<Map<String, Object>> d =
        draws(space("  k: {type: integer, min: 1, max: 5}\n  s: {type: number, min: 0, max: 1, rounding: 0.25}\n"), 3, N);
    int[] counts = new int[6];
    for (Map<String, Object> p : d) {
      assertTrue(p.get("k") instanceof Integer || p.get("k") instanceof Long, "integers arrive as integers");
      counts[((Number) p.get("k")).intValue()]++;
    }
    for (int k = 1; k <= 5; k++) {
      assertEquals(N / 5.0, counts[k], 5 * Math.sqrt(N * 0.2 * 0.8), "count of k=" + k);
    }
    double[] s = numbers(d, "s");
    for (double v : s) {
      assertEquals(0, (v * 4) % 1, 1e-9, "multiple of 0.25: " + v);
    }
    // Both end points of a rounded grid get the same mass as the inner points (1/5 each).
    assertEquals(0.2, fraction(s, v -> v == 0.0), 0.035);
    assertEquals(0.2, fraction(s, v -> v == 1.0), 0.035);
  }

  @Test
  void conditionalBranchesAreChosenEquallyAndOnlyTheirChildrenAreActive() {
    List<Map<String, Object>> d =
        draws(space("""
              model:
                oneOf:
                  - {type: object, properties: {depth: {type: integer, min: 1, max: 8}}}
                  - {type: object, properties: {alpha: {type: number, min: 0.001, max: 1, scaling: logarithmic}}}
                  - {type: object, properties: {kernel: {type: string, enum: [rbf, linear]}}}
            """), 4, 3000);
    int[] branches = new int[3];
    String[] child = {"depth", "alpha", "kernel"};
    for (Map<String, Object> p : d) {
      @SuppressWarnings("unchecked")
      Map<String, Object> model = (Map<String, Object>) p.get("model");
      int b = (Integer) model.get("$index");
      branches[b]++;
      for (int i = 0; i < 3; i++) {
        assertEquals(i == b, model.containsKey(child[i]), "branch " + b + " has only its own child: " + model);
      }
    }
    for (int b = 0; b < 3; b++) {
      assertEquals(1000, branches[b], 5 * Math.sqrt(3000 * (1 / 3.0) * (2 / 3.0)));
    }
  }

  @Test
  void aSeedReproducesTheSequence() {
    SearchSpace s = space("  x: {type: number, min: 0, max: 1}\n  c: {type: string, enum: [a, b, c]}\n");
    assertEquals(draws(s, 9, 50), draws(s, 9, 50));
    assertNotEquals(draws(s, 9, 50), draws(s, 10, 50));
  }

  @Test
  void coreKeysGivenAsSettingsReachTheStudysOwnFields() {
    SearchSpace s = space("  x: {type: number, min: 0, max: 1}\n");
    io.hypermax.core.study.Study study =
        Hypermax.study(s).setting("method", "random").setting("direction", "maximize").setting("iterations", 7).setting("seed", 5).build();
    assertEquals(io.hypermax.core.objective.Direction.MAXIMIZE, study.direction());
    assertEquals(7, study.iterations());
    assertEquals(5L, study.seed());
  }

  @Test
  void rejectsSettingsItDoesNotKnow() {
    SearchSpace s = space("  x: {type: number, min: 0, max: 1}\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> Hypermax.study(s).method("random").setting("gamma", 0.2).build());
    assertEquals("search.gamma", e.path());
  }

  static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElseThrow();
  }

  static double stddev(double[] v) {
    double m = mean(v);
    return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  static double fraction(double[] v, java.util.function.DoublePredicate p) {
    return java.util.Arrays.stream(v).filter(p).count() / (double) v.length;
  }

  static boolean allWithin(double[] v, double lo, double hi) {
    return java.util.Arrays.stream(v).allMatch(x -> x >= lo && x <= hi);
  }
}
