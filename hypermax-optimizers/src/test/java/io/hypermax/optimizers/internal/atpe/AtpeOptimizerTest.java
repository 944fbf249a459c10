package io.hypermax.optimizers.internal.atpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.Hypermax;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtpeOptimizerTest {
  private static final Set<String> ACTIONS =
      AtpeAction.CATALOGUE.stream().map(AtpeAction::id).collect(Collectors.toSet());

  static StudySnapshot run(SearchSpace space, Direction direction, int n, long seed, Map<String, Object> settings,
      io.hypermax.core.function.ObjectiveFunction f) {
    var b = Hypermax.study(space).method("atpe").seed(seed).iterations(n).direction(direction);
    settings.forEach(b::setting);
    return b.minimize(f);
  }

  static double sumOfSquares(Map<String, Object> p) {
    double s = 0;
    for (Object v : p.values()) {
      if (v instanceof Number x) {
        s += x.doubleValue() * x.doubleValue();
      } else if (v instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) m;
        s += sumOfSquares(inner);
      } else if (v != null) {
        s += Math.abs(v.toString().hashCode() % 7);
      }
    }
    return s;
  }

  @Test
  void everyTrialRecordsTheChosenActionAndTheModelVersion() throws Exception {
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).integer("n", 1, 20).build();
    StudySnapshot s = run(space, Direction.MINIMIZE, 30, 3, Map.of(), p -> sumOfSquares(p) - 50);
    String version = PolicyModel.bundled().version();
    for (Trial t : s.finished()) {
      Map<String, Object> m = t.result().metadata();
      assertEquals(version, m.get("atpe.model"), "trial " + t.number());
      if (t.number() < 10) {
        assertEquals("startup", m.get("atpe.action"));
      } else {
        assertTrue(ACTIONS.contains(String.valueOf(m.get("atpe.action"))), "trial " + t.number() + ": " + m);
        assertNotNull(m.get("atpe.family"));
      }
    }
    // Negative losses: the study still improves on its random phase.
    double startBest = s.finished().stream().filter(t -> t.number() < 10).mapToDouble(Trial::loss).min().orElseThrow();
    double best = s.finished().stream().mapToDouble(Trial::loss).min().orElseThrow();
    assertTrue(best < startBest, best + " vs " + startBest);
  }

  @Test
  void theConsoleUiSeesTheLatestChoice() throws Exception {
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).build();
    try (io.hypermax.core.study.Study study = Hypermax.study(space).method("atpe").seed(4).iterations(14).build()) {
      assertEquals(PolicyModel.bundled().version(), study.optimizerState().get("atpe.model"), "before any suggestion");
      Trial last = null;
      for (int i = 0; i < 14; i++) {
        Trial running = study.ask();
        last = study.tell(running, sumOfSquares(running.flatParameters()));
      }
      Map<String, String> state = study.optimizerState();
      assertTrue(ACTIONS.contains(state.get("atpe.action")), "the chosen action of the last suggestion: " + state);
      assertEquals(String.valueOf(last.result().metadata().get("atpe.action")), state.get("atpe.action"),
          "the state is the choice recorded on the latest trial");
    }
  }

  @Test
  void aCorruptModelFallsBackToPlainTpeAndSaysSo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\":\"hypermax-atpe-policy\",\"features\":[\"x\"]}");
    assertEquals(null, AtpeProvider.load(bad.toString()));
    assertEquals(null, AtpeProvider.load(dir.resolve("missing.json").toString()));
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).build();
    StudySnapshot s = run(space, Direction.MINIMIZE, 15, 1, Map.of("atpe_model", bad.toString()), p -> sumOfSquares(p));
    for (Trial t : s.finished()) {
      assertEquals("fallback", t.result().metadata().get("atpe.model"));
      if (t.number() >= 10) {
        assertEquals("tpe", t.result().metadata().get("atpe.action"));
      }
    }
  }

  @Test
  void everySpaceKindRuns() {
    List<SearchSpace> spaces = List.of(
        SearchSpace.builder().number("only", 0, 1).build(),
        SearchSpace.builder().integer("a", 0, 9).integer("b", -3, 3).integer("c", 1, 1024, o -> o.log()).build(),
        SearchSpace.builder().choice("k", "x", "y", "z").bool("flag").choice("m", "p", "q").build(),
        SearchSpace.builder().number("lr", 1e-5, 1, o -> o.log())
            .oneOf("model", b -> b.branch(x -> x.number("c", 0.1, 10)).branch(x -> x.integer("depth", 1, 8).choice("w", "u", "d")))
            .build());
    for (SearchSpace space : spaces) {
      for (Direction d : Direction.values()) {
        StudySnapshot s = run(space, d, 30, 5, Map.of(), p -> {
          double v = sumOfSquares(p);
          if (v % 1 < 0.05) {
            throw new IllegalStateException("simulated failure"); // some trials fail
          }
          return d == Direction.MINIMIZE ? v : -v;
        });
        assertEquals(30, s.finished().size(), space.toString());
        for (Trial t : s.finished()) {
          space.validate(t.assignment());
          assertNotNull(t.result().metadata().get("atpe.action"), space + " trial " + t.number());
        }
      }
    }
  }

  @Test
  void conditionalLocksStayInsideTheChosenBranch() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1)
        .oneOf("model", b -> b.branch(x -> x.number("c", 0.1, 10)).branch(x -> x.integer("depth", 1, 8)))
        .build();
    StudySnapshot s = run(space, Direction.MINIMIZE, 40, 9, Map.of(), p -> sumOfSquares(p));
    for (Trial t : s.finished()) {
      space.validate(t.assignment()); // a lock of a branch parameter never appears outside its branch
      Object locked = t.result().metadata().get("atpe.locked");
      if (locked != null) {
        for (String name : locked.toString().split(",")) {
          assertTrue(t.assignment().isActive(name), t.number() + " locked inactive " + name);
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameActions() {
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).choice("c", "a", "b").build();
    StudySnapshot a = run(space, Direction.MINIMIZE, 25, 11, Map.of(), AtpeOptimizerTest::sumOfSquares);
    StudySnapshot b = run(space, Direction.MINIMIZE, 25, 11, Map.of(), AtpeOptimizerTest::sumOfSquares);
    for (int i = 0; i < 25; i++) {
      assertEquals(a.finished().get(i).assignment(), b.finished().get(i).assignment());
      assertEquals(a.finished().get(i).result().metadata(), b.finished().get(i).result().metadata());
    }
  }

  @Test
  void theActionHoldsBetweenDecisionPoints() {
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).integer("n", 1, 9).build();
    StudySnapshot s = run(space, Direction.MINIMIZE, 60, 5, Map.of("decide_every", 7), AtpeOptimizerTest::sumOfSquares);
    // Sequential, so trial t is suggested with t finished trials; decisions fall on multiples of 7
    // (and on every step between the end of the random phase, 10, and the first multiple, 14).
    for (int t = 15; t < 60; t++) {
      if (t % 7 != 0) {
        assertEquals(s.finished().get(t - 1).result().metadata().get("atpe.action"),
            s.finished().get(t).result().metadata().get("atpe.action"), "trial " + t);
      }
    }
  }

  @Test
  void longStudiesDecideOncePerPercentOfGrowth() {
    assertEquals(57, AtpeOptimizer.decisionPoint(57, 1));
    assertEquals(199, AtpeOptimizer.decisionPoint(199, 1));
    assertEquals(1000, AtpeOptimizer.decisionPoint(1009, 1));
    assertEquals(1010, AtpeOptimizer.decisionPoint(1010, 1));
    assertEquals(50_400, AtpeOptimizer.decisionPoint(50_499, 1)); // steps of 504 there
    assertEquals(56, AtpeOptimizer.decisionPoint(62, 7));
    var settings = JsonValues.MAPPER.createObjectNode().put("method", "atpe").put("decide_every", 0);
    var ctx = new OptimizerProvider.Context(SearchSpace.builder().number("x", 0, 1).build(),
        new ConfigNode(null, "search", settings), 1);
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> new AtpeProvider().create(ctx)).getMessage().contains("decide_every"));
  }

  @Test
  void unknownSettingsAreRejected() {
    var settings = JsonValues.MAPPER.createObjectNode().put("method", "atpe").put("atpe_modle", "x");
    var ctx = new OptimizerProvider.Context(SearchSpace.builder().number("x", 0, 1).build(),
        new ConfigNode(null, "search", settings), 1);
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> new AtpeProvider().create(ctx)).getMessage().contains("atpe_modle"));
    Optimizer ok = new AtpeProvider().create(new OptimizerProvider.Context(ctx.space(),
        new ConfigNode(null, "search", JsonValues.MAPPER.createObjectNode().put("method", "atpe")), 1));
    assertFalse(ok == null);
  }

  @Test
  void excludedFamiliesAreNeverChosen() {
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).build();
    for (String exclude : List.of("gp,storm", "gp+storm")) { // "+" for `hypermax bench --methods`
      StudySnapshot s = run(space, Direction.MINIMIZE, 30, 4, Map.of("atpe_exclude", exclude), p -> sumOfSquares(p));
      for (Trial t : s.finished()) {
        Object family = t.result().metadata().get("atpe.family");
        assertTrue(family.equals("tpe") || family.equals("random"), exclude + ", trial " + t.number() + ": " + family);
      }
    }
  }

  @Test
  void aCycleRunsItsActionsInTurnInsteadOfThePolicy() {
    SearchSpace space = SearchSpace.builder().number("x", -5, 5).number("y", -5, 5).build();
    StudySnapshot s = run(space, Direction.MINIMIZE, 24, 6, Map.of("atpe_cycle", "gp+storm+tpe-exploit"),
        AtpeOptimizerTest::sumOfSquares);
    List<String> cycle = List.of("gp", "storm", "tpe-exploit");
    for (Trial t : s.finished()) {
      Map<String, Object> m = t.result().metadata();
      assertEquals("cycle:gp+storm+tpe-exploit", m.get("atpe.model"), "trial " + t.number());
      assertEquals(t.number() < 10 ? "startup" : cycle.get(t.number() % 3), m.get("atpe.action"), "trial " + t.number());
    }
  }

  @Test
  void aCycleNamesOnlyActionsThatCanRun() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    for (var bad : List.of(Map.of("atpe_cycle", "gp+sotrm"), Map.of("atpe_cycle", "gp", "atpe_exclude", "gp"))) {
      var settings = JsonValues.MAPPER.createObjectNode().put("method", "atpe");
      bad.forEach(settings::put);
      var ctx = new OptimizerProvider.Context(space, new ConfigNode(null, "search", settings), 1);
      String message = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
          () -> new AtpeProvider().create(ctx)).getMessage();
      assertTrue(message.contains("atpe_cycle") && message.contains(bad.get("atpe_cycle").contains("sotrm")
          ? "unknown action 'sotrm'" : "excluded"), message);
    }
  }

  @Test
  void failedTrialsCountInTheFailedShare() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    StudySnapshot s = run(space, Direction.MINIMIZE, 20, 2, Map.of(), p -> {
      double x = ((Number) p.get("x")).doubleValue();
      if (x > 0.5) {
        throw new IllegalStateException("no");
      }
      return x;
    });
    long failed = s.finished().stream().filter(t -> t.status() == TrialStatus.FAILED).count();
    assertTrue(failed > 0);
    History h = History.of(new io.hypermax.core.spi.SuggestRequest(20, space, s.finished(), List.of(),
        Direction.MINIMIZE, new java.util.SplittableRandom(1)));
    double[] f = HistoryFeatures.compute(space, h);
    assertEquals(failed / 20.0, f[HistoryFeatures.NAMES.indexOf("failed_share")], 1e-12);
  }
}
