package io.hypermax.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.Hypermax;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ranges near the limits of a double do not overflow in any optimizer: min -1e308 / max 1e308
 * used to make every random draw 1e308 (the width hi - lo is infinite in double arithmetic).
 */
class ExtremeRangesTest {
  static final String SPACE = """
      type: object
      properties:
        wide: {type: number, min: -1e308, max: 1e308}
        wideGrid: {type: number, min: -1e308, max: 1e308, rounding: 1e306}
        tiny: {type: number, min: 4.9e-324, max: 1.7976931348623157e308, scaling: logarithmic}
        top: {type: number, min: 1e308, max: 1.7976931348623157e308}
      """;

  static double[] values(List<Trial> trials, String name) {
    return trials.stream().mapToDouble(t -> ((Number) t.parameters().get(name)).doubleValue()).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random", "tpe", "storm", "gp"})
  void drawsSpreadOverRangesNearTheDoubleLimits(String method) {
    SearchSpace space = SpaceParser.parse(ConfigLoader.parseTree("space.yaml", SPACE));
    // A loss that rewards the middle of every range, so model-based methods leave their start.
    List<Trial> trials =
        Hypermax.study(space).method(method).seed(3).iterations(60)
            .minimize(p -> Math.abs(((Number) p.get("wide")).doubleValue()) / 1e308
                + Math.abs(Math.log(((Number) p.get("tiny")).doubleValue())) / 1000)
            .trials();
    assertTrue(trials.stream().allMatch(t -> t.status() == TrialStatus.COMPLETE), method + ": every trial completes");
    double[] wide = values(trials, "wide");
    assertTrue(Arrays.stream(wide).allMatch(v -> v >= -1e308 && v <= 1e308), method + ": in bounds " + Arrays.toString(wide));
    assertTrue(Arrays.stream(wide).filter(v -> v < 0).count() >= 5, method + ": negative draws too: " + Arrays.toString(wide));
    // StoRM moves on a lattice of 21 values per number (storm_bins); the others draw freely.
    assertTrue(Arrays.stream(wide).distinct().count() >= (method.equals("storm") ? 5 : 20), method + ": spread, not one value: " + Arrays.toString(wide));
    double[] grid = values(trials, "wideGrid");
    assertTrue(Arrays.stream(grid).allMatch(v -> v >= -1e308 && v <= 1e308), method + ": grid in bounds " + Arrays.toString(grid));
    assertTrue(Arrays.stream(grid).distinct().count() >= (method.equals("storm") ? 5 : 10), method + ": grid spread " + Arrays.toString(grid));
    assertTrue(Arrays.stream(grid).allMatch(v -> Math.abs(v / 1e306 - Math.rint(v / 1e306)) < 1e-6), method + ": on the grid " + Arrays.toString(grid));
    double[] tiny = values(trials, "tiny");
    assertTrue(Arrays.stream(tiny).allMatch(v -> v > 0 && Double.isFinite(v)), method + ": log range finite " + Arrays.toString(tiny));
    assertTrue(Arrays.stream(tiny).filter(v -> v < 1).count() >= 5 && Arrays.stream(tiny).filter(v -> v > 1).count() >= 5,
        method + ": log draws on both sides of 1 " + Arrays.toString(tiny));
    double[] top = values(trials, "top");
    assertTrue(Arrays.stream(top).allMatch(v -> v >= 1e308 && v <= Double.MAX_VALUE), method + ": top in bounds " + Arrays.toString(top));
    assertTrue(Arrays.stream(top).distinct().count() >= (method.equals("storm") ? 5 : 10), method + ": top spread " + Arrays.toString(top));
  }
}
