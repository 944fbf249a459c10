package io.hypermax.optimizers.internal.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.study.Journal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StormSearchTest {

  static Optimizer storm(SearchSpace space, Map<String, Object> settings) {
    ObjectNode node = JsonValues.MAPPER.createObjectNode();
    node.put("method", "storm");
    settings.forEach((k, v) -> node.set(k, JsonValues.toJson(v)));
    return new StormProvider().create(new OptimizerProvider.Context(space, new ConfigNode(null, "search", node), 1));
  }

  /** A bumpy deterministic loss so the best trial keeps changing. */
  static double loss(Map<String, Object> flat) {
    return Math.abs(flat.toString().hashCode() % 1000) / 1000.0;
  }

  static List<Trial> runAskTell(Study study, int n) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n && study.hasBudget(); i++) {
      Trial t = study.ask();
      trials.add(study.tell(t, loss(t.assignment().values())));
    }
    return trials;
  }

  @Test
  void noDuplicateActiveConfigurationIn2000Trials() {
    // 5 x 5 x 5 ordered, 4 x 4 unordered, a boolean: 4,000 configurations, half of them used.
    SearchSpace space =
        new SearchSpace(
            List.of(
                Spaces.ordered("a", 5),
                Spaces.ordered("b", 5),
                Spaces.ordered("c", 5),
                Spaces.unordered("d", 4),
                Spaces.unordered("e", 4),
                Spaces.unordered("f", 2)));
    try (Study study = Study.builder(space, storm(space, Map.of())).seed(11).iterations(2000).build()) {
      List<Trial> trials = runAskTell(study, 2000);
      assertEquals(2000, trials.size());
      Set<String> keys = new HashSet<>();
      for (Trial t : trials) {
        assertTrue(keys.add(t.assignment().key()), "trial " + t.number() + " repeats " + t.assignment());
      }
    }
  }

  @Test
  void searchEndsCleanlyWhenTwelvePointSpaceIsExhausted() {
    SearchSpace space = Spaces.twelvePoints();
    try (Study study = Study.builder(space, storm(space, Map.of())).seed(5).iterations(50).build()) {
      Study.Outcome outcome = study.run(new FunctionExecutor(StormSearchTest::loss), 1, null);
      List<Trial> trials = outcome.snapshot().finished();
      assertEquals(12, trials.size());
      assertEquals(12, trials.stream().map(t -> t.assignment().key()).distinct().count());
      assertNotNull(outcome.stopReason());
      assertTrue(outcome.stopReason().contains("tried every configuration"), outcome.stopReason());
    }
  }

  @Test
  void runningTrialsCountAsTried() {
    SearchSpace space = Spaces.twelvePoints();
    try (Study study = Study.builder(space, storm(space, Map.of("init_random", 0))).seed(3).iterations(12).build()) {
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < 12; i++) {
        assertTrue(keys.add(study.ask().assignment().key()), "running configuration proposed twice");
      }
    }
  }

  @Test
  void singleValueOrderedParameterIsSearchedWithoutError() {
    SearchSpace space =
        new SearchSpace(List.of(Spaces.ordered("only", 1), Spaces.ordered("two", 2)));
    try (Study study = Study.builder(space, storm(space, Map.of("init_random", 1))).seed(2).iterations(10).build()) {
      Study.Outcome outcome = study.run(new FunctionExecutor(StormSearchTest::loss), 1, null);
      assertEquals(2, outcome.snapshot().finished().size());
      assertTrue(outcome.stopReason().contains("tried every configuration"));
    }
  }

  @Test
  void tiesGoToTheEarliestTrial() {
    SearchSpace space = new SearchSpace(List.of(Spaces.ordered("a", 10), Spaces.ordered("b", 10)));
    Trial first = Spaces.finished(0, new Assignment(Map.of("a", 0, "b", 0)), 1.0);
    Trial second = Spaces.finished(1, new Assignment(Map.of("a", 9, "b", 9)), 1.0);
    Optimizer optimizer = storm(space, Map.of("init_random", 2, "randomize_axis_factor", 0.0));
    for (long seed = 0; seed < 50; seed++) {
      Assignment next = optimizer.suggest(Spaces.request(space, List.of(first, second), seed));
      int a = (Integer) next.get("a");
      int b = (Integer) next.get("b");
      assertEquals(1, a + b, "a single step from the first trial, got " + next);
    }
  }

  @Test
  void numbersBecomeOrderedGridsOrBins() {
    SearchSpace space =
        new SearchSpace(
            List.of(
                Parameter.of("lr", NumberDistribution.logUniform(1e-5, 1e-1)),
                Parameter.of("units", NumberDistribution.integer(16, 24, false)),
                Parameter.of("rate", NumberDistribution.quantized(0, 1, 0.001))));
    Axes axes = new Axes(5);
    assertEquals(List.of(1.0E-5, 1.0E-4, 0.001, 0.01, 0.1), axes.of(space.get("lr")).values());
    assertEquals(List.of(16, 18, 20, 22, 24), axes.of(space.get("units")).values(), "9 integers > 5 bins");
    assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), axes.of(space.get("rate")).values());
    assertEquals(9, new Axes(9).of(space.get("units")).size(), "a grid that fits is kept whole");
    assertTrue(axes.of(space.get("lr")).ordered());

    Optimizer optimizer = storm(space, Map.of("storm_bins", 5));
    try (Study study = Study.builder(space, optimizer).seed(8).iterations(60).build()) {
      for (Trial t : runAskTell(study, 60)) {
        assertTrue(List.of(1.0E-5, 1.0E-4, 0.001, 0.01, 0.1).contains(t.assignment().get("lr")), t.toString());
      }
    }
  }

  @Test
  void conditionalBranchParametersAreInactiveAndOutOfTheDuplicateCheck() {
    // dropout: off, or on with a rate: 1 + 5 configurations of the branch, times 2 batch sizes = 12.
    SearchSpace space =
        SpaceParser.parse(
            JsonValues.MAPPER.valueToTree(
                Map.of(
                    "type", "object",
                    "properties",
                    Map.of(
                        "batch", Map.of("type", "integer", "min", 32, "max", 64, "rounding", 32),
                        "dropout",
                        Map.of(
                            "anyOf",
                            List.of(
                                Map.of("type", "object", "properties", Map.of()),
                                Map.of(
                                    "type",
                                    "object",
                                    "properties",
                                    Map.of("rate", Map.of("type", "number", "min", 0.1, "max", 0.5, "rounding", 0.1)))))))));
    try (Study study = Study.builder(space, storm(space, Map.of())).seed(4).iterations(40).build()) {
      Study.Outcome outcome = study.run(new FunctionExecutor(StormSearchTest::loss), 1, null);
      List<Trial> trials = outcome.snapshot().finished();
      assertEquals(12, trials.size(), "every distinct active configuration exactly once");
      assertNotNull(outcome.stopReason());
      for (Trial t : trials) {
        boolean on = ((Integer) t.assignment().get("dropout")) == 1;
        assertEquals(on, t.assignment().isActive("dropout.1.rate"), t.toString());
      }
    }
  }

  @Test
  void resumeFromTheJournalContinuesTheSameSequence(@TempDir Path dir) {
    SearchSpace space =
        new SearchSpace(
            List.of(
                Spaces.ordered("a", 6),
                Spaces.unordered("b", 5),
                Parameter.of("lr", NumberDistribution.logUniform(1e-4, 1)),
                Parameter.of("n", NumberDistribution.integer(1, 500, false))));
    List<Map<String, Object>> whole;
    try (Study study = Study.builder(space, storm(space, Map.of())).seed(21).iterations(40).build()) {
      whole = runAskTell(study, 40).stream().map(t -> t.assignment().values()).toList();
    }
    Path results = dir.resolve("results");
    try (Journal journal = Journal.open(results);
        Study first = Study.builder(space, storm(space, Map.of())).seed(21).iterations(40).journal(journal).build()) {
      journal.recordStudy(21);
      runAskTell(first, 13);
    }
    io.hypermax.core.storage.StoredStudy state = Journal.read(results);
    assertEquals(13, state.finished().size());
    // A new optimizer object, as after a restart: all it has is the journal.
    try (Journal journal = Journal.open(results);
        Study resumed =
            Study.builder(space, storm(space, Map.of())).seed(state.seed()).iterations(40).journal(journal).restore(state).build()) {
      runAskTell(resumed, 40);
      List<Map<String, Object>> continued =
          resumed.snapshot().trials().stream().map(t -> t.assignment().values()).toList();
      assertEquals(whole, continued);
    }
  }

  @Test
  void spacesTooLargeToEnumerateFallBackToRandomDraws() {
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ps.add(Parameter.of("x" + i, NumberDistribution.uniform(0, 1)));
    }
    SearchSpace space = new SearchSpace(ps); // 21^4 lattice points, more than can be enumerated
    Trial best = Spaces.finished(0, space.complete(Map.of("x0", 0.5, "x1", 0.5, "x2", 0.5, "x3", 0.5), null), 1);
    Proposals proposals = new Proposals(Spaces.request(space, List.of(best), 5), new Axes(21));
    Assignment found = new UntriedSearch().find(proposals, best.assignment(), 50);
    assertTrue(!proposals.isTried(found) && found.values().size() == 4, found.toString());
  }

  @Test
  void badSettingsNameTheField() {
    SearchSpace space = Spaces.twelvePoints();
    ConfigException e =
        assertThrows(ConfigException.class, () -> storm(space, Map.of("randomize_axis_factor", 1.5)));
    assertTrue(e.getMessage().contains("randomize_axis_factor"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> storm(space, Map.of("storm_bins", 1)));
    assertTrue(e.getMessage().contains("storm_bins"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> storm(space, Map.of("init_randm", 3)));
    assertTrue(e.getMessage().contains("init_random"), e.getMessage());
    assertNotEquals(null, storm(space, Map.of("init_random", 25)));
  }
}
