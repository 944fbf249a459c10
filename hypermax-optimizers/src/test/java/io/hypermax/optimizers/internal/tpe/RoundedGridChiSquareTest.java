package io.hypermax.optimizers.internal.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.Hypermax;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.trial.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every point of a rounding grid is drawn with equal probability, the end points included, by
 * random search, TPE (its startup draws and the bins its model samples over) and StoRM (its random
 * start). Issue 16: with min 0.1, max 2, rounding 0.5, 400 random draws gave the top point 1.6 about
 * twice the share of the others. The seeds are fixed; the threshold is the chi-square quantile at
 * p = 0.001, so a fair sampler fails by chance once in a thousand seeds, the old one always.
 */
class RoundedGridChiSquareTest {
  static final String SPACE = """
      type: object
      properties:
        x: {type: number, min: 0.1, max: 2, rounding: 0.5}
        y: {type: number, min: 0, max: 1, rounding: 0.3}
        k: {type: integer, min: 1, max: 6, rounding: 2}
      """;
  static final Map<String, List<Object>> GRIDS =
      Map.of("x", List.of(0.1, 0.6, 1.1, 1.6), "y", List.of(0.0, 0.3, 0.6, 0.9), "k", List.of(1, 3, 5));
  static final int N = 4000;

  static SearchSpace space() {
    return SpaceParser.parse(ConfigLoader.parseTree("space.yaml", SPACE));
  }

  @Test
  void randomSearchDrawsEveryGridPointEquallyOften() {
    List<Map<String, Object>> draws =
        Hypermax.study(space()).method("random").seed(11).iterations(N).minimize(p -> 0.0).trials().stream()
            .map(Trial::parameters).toList();
    assertUniformOnGrids("random", draws);
  }

  @Test
  void tpeStartupDrawsEveryGridPointEquallyOften() {
    List<Map<String, Object>> draws =
        Hypermax.study(space()).method("tpe").setting("n_startup", N).seed(12).iterations(N)
            .minimize(p -> 0.0).trials().stream().map(Trial::parameters).toList();
    assertUniformOnGrids("tpe startup", draws);
  }

  @Test
  void tpeModelGivesEveryGridPointABinOfEqualWidth() {
    // The model samples on [low, high] and decodes to the grid point owning each position: a
    // position drawn uniformly over that support must land on each grid point equally often.
    SplittableRandom rng = new SplittableRandom(13);
    for (Parameter p : space().parameters()) {
      Dimension d = Dimension.of(p);
      List<Map<String, Object>> draws =
          IntStream.range(0, N).mapToObj(i -> Map.of(p.path(), d.decode(d.low + (d.high - d.low) * rng.nextDouble())))
              .toList();
      assertUniform("tpe model bins of " + p.path(), GRIDS.get(p.path()), draws, m -> m.get(p.path()));
    }
  }

  @Test
  void stormRandomStartDrawsEveryGridPointEquallyOften() {
    // StoRM never repeats a configuration, so one study gives a point at most once: take the first
    // (random) trial of many seeded studies.
    SearchSpace space = space();
    List<Map<String, Object>> draws =
        IntStream.range(0, 1500)
            .mapToObj(seed -> Hypermax.study(space).method("storm").seed(1000 + seed).iterations(1)
                .minimize(p -> 0.0).trials().get(0).parameters())
            .toList();
    assertUniformOnGrids("storm", draws);
  }

  @Test
  void theTopGridPointIsTheLastMultipleOfTheStepBelowMax() {
    NumberDistribution x = NumberDistribution.quantized(0.1, 2, 0.5);
    assertEquals(1.6, x.gridTop(), 1e-12);
    assertEquals(-0.15, x.gridLowEdge(), 1e-12);
    assertEquals(1.85, x.gridHighEdge(), 1e-12);
  }

  private static void assertUniformOnGrids(String who, List<Map<String, Object>> draws) {
    for (Map.Entry<String, List<Object>> g : GRIDS.entrySet()) {
      assertUniform(who + " " + g.getKey(), g.getValue(), draws, m -> m.get(g.getKey()));
    }
  }

  static void assertUniform(String what, List<Object> grid, List<Map<String, Object>> draws, Function<Map<String, Object>, Object> get) {
    Map<Double, Integer> counts = new LinkedHashMap<>();
    grid.forEach(v -> counts.put(((Number) v).doubleValue(), 0));
    for (Map<String, Object> d : draws) {
      double v = ((Number) get.apply(d)).doubleValue();
      assertTrue(counts.containsKey(v), what + ": " + v + " is not a grid point of " + grid);
      counts.merge(v, 1, Integer::sum);
    }
    double expected = (double) draws.size() / grid.size();
    double chi2 = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
    double critical = chiSquareQuantile999(grid.size() - 1);
    assertTrue(chi2 < critical, what + ": counts " + counts + " give chi-square " + chi2 + " >= " + critical);
  }

  /** The 0.999 quantile of chi-square with k degrees of freedom (Wilson–Hilferty; z = 3.0902). */
  static double chiSquareQuantile999(int k) {
    double a = 2.0 / (9 * k);
    return k * Math.pow(1 - a + 3.0902 * Math.sqrt(a), 3);
  }
}
