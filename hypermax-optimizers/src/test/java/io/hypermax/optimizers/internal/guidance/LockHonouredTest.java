package io.hypermax.optimizers.internal.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.Hypermax;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.objective.Metric;
import io.hypermax.core.objective.Objective;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every optimizer honours guidance, which the study implements once for all of them: after a lock,
 * every suggestion has the locked value while the other parameters still move; after a narrowing,
 * the number stays in its new range; a scrambled parameter keeps varying. "pareto" is TPE's MOTPE path
 * (a two-metric study).
 */
class LockHonouredTest {
  static final String SPACE = """
      type: object
      properties:
        x: {type: number, min: -5, max: 5}
        y: {type: number, min: -5, max: 5}
        n: {type: integer, min: 1, max: 10}
        kind: {enum: [a, b, c]}
      """;

  static double num(Trial t, String p) {
    return ((Number) t.parameters().get(p)).doubleValue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random", "tpe", "gp", "storm", "pareto"})
  void lockedParametersAreFixedAndTheRestIsModelled(String which) {
    SearchSpace space = SpaceParser.parse(ConfigLoader.parseTree("space.yaml", SPACE));
    boolean pareto = which.equals("pareto");
    Hypermax.StudyBuilder b = Hypermax.study(space).method(pareto ? "tpe" : which).seed(11).iterations(200);
    if (pareto) {
      b.objective(
          new Objective(
              List.of(Metric.value("f1", 1, Direction.MINIMIZE, null), Metric.value("f2", 1, Direction.MINIMIZE, null)), true));
    }
    try (Study study = b.build()) {
      runTrials(study, 15, pareto);
      study.guide(GuidanceEvent.lock("y", 0.5, "test"));
      study.guide(GuidanceEvent.lock("kind", "b", "test"));
      study.guide(GuidanceEvent.narrow("n", 3, 5, "test"));
      List<Trial> locked = runTrials(study, 20, pareto);
      for (Trial t : locked) {
        assertEquals(0.5, num(t, "y"), 0.0, which + ": y is locked in trial " + t.number() + " " + t.parameters());
        assertEquals("b", t.parameters().get("kind"), which + ": kind is locked in trial " + t.number());
        double n = num(t, "n");
        assertTrue(n >= 3 && n <= 5 && t.parameters().get("n") instanceof Integer, which + ": n narrowed to [3, 5]: " + t.parameters());
      }
      assertTrue(locked.stream().mapToDouble(t -> num(t, "x")).distinct().count() >= 5,
          which + ": the free parameter x still moves: " + locked.stream().map(t -> t.parameters().get("x")).toList());

      study.guide(GuidanceEvent.unlock("y", "test"));
      study.guide(GuidanceEvent.scramble("x", "test"));
      List<Trial> after = runTrials(study, 15, pareto);
      assertTrue(after.stream().mapToDouble(t -> num(t, "y")).distinct().count() >= 3, which + ": y is free again");
      assertTrue(after.stream().allMatch(t -> "b".equals(t.parameters().get("kind"))), which + ": kind stays locked");
      assertTrue(after.stream().mapToDouble(t -> num(t, "x")).distinct().count() >= 10, which + ": scrambled x varies");
      assertEquals(5, study.guidance().history().size());
    }
  }

  /** A loss with its optimum at x = 1, y = -2, so model-based methods have something to model. */
  private static List<Trial> runTrials(Study study, int count, boolean pareto) {
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Trial t = study.ask();
      double x = num(t, "x");
      double y = num(t, "y");
      double f1 = (x - 1) * (x - 1) + (y + 2) * (y + 2) + num(t, "n") / 10;
      Object returned = pareto ? Map.of("f1", f1, "f2", (x + 1) * (x + 1) + y * y) : (Object) f1;
      out.add(study.tell(t, ResultParser.parse(returned, 0.01)));
    }
    return out;
  }
}
