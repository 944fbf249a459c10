package io.hypermax.optimizers.internal.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static SearchSpace space(String json) throws Exception {
    return SpaceParser.parse(JSON.readTree(json));
  }

  private static final String BOWL =
      "{\"type\":\"object\",\"properties\":{"
          + "\"x\":{\"type\":\"number\",\"min\":-5,\"max\":5},"
          + "\"y\":{\"type\":\"number\",\"min\":-5,\"max\":5},"
          + "\"z\":{\"type\":\"number\",\"min\":-5,\"max\":5}}}";

  private static double bowl(Map<String, Object> p) {
    double x = ((Number) p.get("x")).doubleValue() - 1;
    double y = ((Number) p.get("y")).doubleValue() + 2;
    double z = ((Number) p.get("z")).doubleValue() - 0.5;
    return x * x + y * y + z * z;
  }

  /** Runs {@code trials} sequential trials and returns every trial's value. */
  static double[] run(SearchSpace space, Optimizer optimizer, long seed, int trials, ToDoubleFunction<Map<String, Object>> f) {
    double[] values = new double[trials];
    try (Study study = Study.builder(space, optimizer).seed(seed).iterations(trials).build()) {
      for (int i = 0; i < trials; i++) {
        Trial t = study.ask();
        values[i] = f.applyAsDouble(t.parameters());
        study.tell(t, values[i]);
      }
    }
    return values;
  }

  private static double best(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return (s[(s.length - 1) / 2] + s[s.length / 2]) / 2;
  }

  @Test
  void concentratesOnTheBowlFarBetterThanRandom() throws Exception {
    SearchSpace space = space(BOWL);
    int seeds = 10;
    double[] tpe = new double[seeds];
    double[] random = new double[seeds];
    for (int s = 0; s < seeds; s++) {
      tpe[s] = best(run(space, new TpeSampler(TpeSettings.DEFAULTS), s, 60, TpeSamplerTest::bowl));
      random[s] = best(run(space, r -> r.space().sample(r.random()), s, 60, TpeSamplerTest::bowl));
    }
    assertTrue(median(tpe) < 0.5, "median best of TPE after 60 trials: " + median(tpe));
    assertTrue(median(tpe) < median(random) / 3, "TPE " + median(tpe) + " vs random " + median(random));
  }

  @Test
  void laterTrialsClusterNearTheOptimum() throws Exception {
    double[] values = run(space(BOWL), new TpeSampler(TpeSettings.DEFAULTS), 3, 80, TpeSamplerTest::bowl);
    double early = median(Arrays.copyOfRange(values, 0, 10)); // the random start
    double late = median(Arrays.copyOfRange(values, 60, 80));
    assertTrue(late < early / 4, "median value of trials 60-80 " + late + " vs first 10 " + early);
  }

  @Test
  void univariateAlsoConverges() throws Exception {
    SearchSpace space = space(BOWL);
    double[] best = new double[6];
    for (int s = 0; s < best.length; s++) {
      best[s] = best(run(space, new TpeSampler(TpeSettings.DEFAULTS.withMultivariate(false)), s, 60, TpeSamplerTest::bowl));
    }
    assertTrue(median(best) < 1.0, "median best " + median(best));
  }

  private static final String CONDITIONAL =
      """
      {"type":"object","properties":{
        "lr":{"type":"number","min":0.0001,"max":1,"scaling":"logarithmic"},
        "model":{"anyOf":[
          {"type":"object","properties":{"kind":{"constant":"svm"},
             "c":{"type":"number","min":0.001,"max":1000,"scaling":"logarithmic"}}},
          {"type":"object","properties":{"kind":{"constant":"tree"},
             "depth":{"type":"integer","min":1,"max":12},
             "trees":{"type":"integer","min":10,"max":1000,"scaling":"logarithmic"},
             "split":{"type":"string","enum":["gini","entropy","log_loss"]},
             "bootstrap":{"type":"boolean"}}}]}}}
      """;

  @SuppressWarnings("unchecked")
  private static double conditionalLoss(Map<String, Object> p) {
    Map<String, Object> m = (Map<String, Object>) p.get("model");
    double lr = Math.log10(((Number) p.get("lr")).doubleValue()) + 2;
    if ("svm".equals(m.get("kind"))) {
      double c = Math.log10(((Number) m.get("c")).doubleValue()) - 1;
      return 1 + lr * lr + c * c;
    }
    double d = ((Number) m.get("depth")).intValue() - 7;
    double split = "entropy".equals(m.get("split")) ? 0 : 0.5;
    double boot = Boolean.TRUE.equals(m.get("bootstrap")) ? 0 : 0.3;
    return lr * lr + 0.05 * d * d + split + boot;
  }

  @Test
  void inactiveParametersNeverAppearAndValuesStayLegal() throws Exception {
    SearchSpace space = space(CONDITIONAL);
    for (boolean multivariate : new boolean[] {false, true}) {
      TpeSampler tpe = new TpeSampler(TpeSettings.DEFAULTS.withMultivariate(multivariate));
      try (Study study = Study.builder(space, tpe).seed(5).iterations(80).build()) {
        Set<Object> splits = new HashSet<>();
        Set<Object> booleans = new HashSet<>();
        for (int i = 0; i < 80; i++) {
          Trial t = study.ask();
          Assignment a = t.assignment();
          space.validate(a); // legal values, known parameters, no inactive parameter set
          int branch = (Integer) a.get("model");
          assertEquals(branch == 0, a.isActive("model.0.c"));
          assertEquals(branch == 1, a.isActive("model.1.depth"));
          assertEquals(branch == 1, a.isActive("model.1.bootstrap"));
          if (branch == 1) {
            assertTrue(a.get("model.1.depth") instanceof Integer, "depth is an Integer: " + a.get("model.1.depth"));
            assertTrue(a.get("model.1.trees") instanceof Integer, "trees is an Integer");
            splits.add(a.get("model.1.split"));
            booleans.add(a.get("model.1.bootstrap"));
          }
          study.tell(t, conditionalLoss(t.parameters()));
        }
        assertEquals(Set.of("gini", "entropy", "log_loss"), splits, "every category is reachable");
        assertEquals(Set.of(true, false), booleans);
      }
    }
  }

  @Test
  void learnsTheBestCategoryAndBoolean() throws Exception {
    SearchSpace space = space(CONDITIONAL);
    double[] values = run(space, new TpeSampler(TpeSettings.DEFAULTS), 11, 100, TpeSamplerTest::conditionalLoss);
    assertTrue(best(values) < 0.2, "the tree branch with entropy and bootstrap is found: best " + best(values));
  }

  @Test
  void roundedIntegerOrderedAndNormalParametersOnlyTakeAllowedValues() throws Exception {
    SearchSpace space =
        space(
            """
            {"type":"object","properties":{
              "q":{"type":"number","min":-1,"max":2,"rounding":0.25},
              "n":{"type":"integer","min":2,"max":64,"rounding":2,"scaling":"logarithmic"},
              "k":{"type":"integer","min":-3,"max":3},
              "level":{"type":"string","enum":["low","mid","high","max"],"ordered":true},
              "shift":{"type":"number","mode":"normal","mean":0,"stddev":2},
              "scale":{"type":"number","mode":"normal","mean":1,"stddev":0.5,"scaling":"logarithmic"}}}
            """);
    Set<Double> grid = new HashSet<>();
    for (int i = 0; i <= 12; i++) {
      grid.add(-1 + 0.25 * i);
    }
    for (boolean multivariate : new boolean[] {false, true}) {
      run(space, new TpeSampler(TpeSettings.DEFAULTS.withMultivariate(multivariate)), 2, 70, p -> {
        double q = ((Number) p.get("q")).doubleValue();
        assertTrue(grid.contains(q), "q on the 0.25 grid: " + q);
        Object n = p.get("n");
        assertTrue(n instanceof Integer && (Integer) n % 2 == 0 && (Integer) n >= 2 && (Integer) n <= 64, "n: " + n);
        Object k = p.get("k");
        assertTrue(k instanceof Integer && Math.abs((Integer) k) <= 3, "k: " + k);
        assertTrue(List.of("low", "mid", "high", "max").contains(p.get("level")));
        double shift = ((Number) p.get("shift")).doubleValue();
        double scale = ((Number) p.get("scale")).doubleValue();
        assertTrue(Double.isFinite(shift) && scale > 0 && Double.isFinite(scale), "normal-mode values: " + shift + ", " + scale);
        return Math.abs(shift - 1) + Math.abs(Math.log(scale)) + Math.abs(q - 0.75) + Math.abs(Math.log((Integer) n / 16.0)) + Math.abs((Integer) k - 1);
      });
    }
  }

  @Test
  void theSameSeedReproducesTheSequence() throws Exception {
    SearchSpace space = space(CONDITIONAL);
    List<Assignment> first = assignments(space, 42);
    List<Assignment> second = assignments(space, 42);
    assertEquals(first, second);
    assertNotEquals(first, assignments(space, 43));
  }

  private static List<Assignment> assignments(SearchSpace space, long seed) {
    List<Assignment> out = new ArrayList<>();
    try (Study study = Study.builder(space, new TpeSampler(TpeSettings.DEFAULTS)).seed(seed).iterations(40).build()) {
      for (int i = 0; i < 40; i++) {
        Trial t = study.ask();
        out.add(t.assignment());
        study.tell(t, conditionalLoss(t.parameters()));
      }
    }
    return out;
  }

  /** A history of {@code n} finished trials of the bowl, drawn at random. */
  private static List<Trial> history(SearchSpace space, int n) {
    SplittableRandom rng = new SplittableRandom(9);
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Assignment a = space.sample(rng);
      Trial t = Trial.running(i, a, space.nest(a), Instant.EPOCH);
      out.add(t.finish(TrialResult.complete(bowl(t.parameters()), 1, Map.of()), Instant.EPOCH));
    }
    return out;
  }

  @Test
  void theConstantLiarSpreadsParallelSuggestions() throws Exception {
    SearchSpace space = space(BOWL);
    List<Trial> finished = history(space, 30);
    List<Trial> running = new ArrayList<>();
    TpeSampler tpe = new TpeSampler(TpeSettings.DEFAULTS);
    for (int i = 0; i < 4; i++) {
      // The same generator seed each time: without the liar every worker would get the same point.
      SuggestRequest request =
          new SuggestRequest(30 + i, space, finished, running, Direction.MINIMIZE, new SplittableRandom(1));
      Assignment a = tpe.suggest(request);
      assertFalse(running.stream().anyMatch(t -> t.assignment().equals(a)), "suggestion " + i + " repeats a running trial");
      running.add(Trial.running(30 + i, a, space.nest(a), Instant.EPOCH));
    }
    TpeSettings noLiar =
        new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, false, false, 1.0, true, false, 0.0, 0, 0.2);
    Assignment a = tpe.suggest(new SuggestRequest(40, space, finished, running, Direction.MINIMIZE, new SplittableRandom(1)), noLiar);
    Assignment b = tpe.suggest(new SuggestRequest(40, space, finished, List.of(), Direction.MINIMIZE, new SplittableRandom(1)), noLiar);
    assertEquals(a, b, "without the liar, running trials are ignored");
  }

  @Test
  void failedAndKilledTrialsDoNotStopItConverging() throws Exception {
    SearchSpace space = space(BOWL);
    double best = Double.POSITIVE_INFINITY;
    try (Study study = Study.builder(space, new TpeSampler(TpeSettings.DEFAULTS)).seed(4).iterations(60).build()) {
      for (int i = 0; i < 60; i++) {
        Trial t = study.ask();
        double x = ((Number) t.parameters().get("x")).doubleValue();
        double value = bowl(t.parameters());
        if (x > 2) {
          study.tell(t, TrialResult.failed("x too large", 0.1)); // a region that crashes
        } else if (i % 7 == 3) {
          study.tell(t, TrialResult.killed(value, "killed", 0.1));
        } else {
          study.tell(t, value);
          best = Math.min(best, value);
        }
      }
    }
    assertTrue(best < 1.5, "best complete value " + best);
  }

  @Test
  void avoidsARegionWhereTrialsFail() throws Exception {
    SearchSpace space = space(BOWL);
    int early = 0;
    int late = 0;
    for (int seed = 0; seed < 4; seed++) {
      try (Study study = Study.builder(space, new TpeSampler(TpeSettings.DEFAULTS)).seed(seed).iterations(70).build()) {
        for (int i = 0; i < 70; i++) {
          Trial t = study.ask();
          double y = ((Number) t.parameters().get("y")).doubleValue();
          boolean fails = y > 2; // a crashing region that random search hits 30% of the time
          if (fails) {
            if (i < 10) {
              early++;
            } else if (i >= 40) {
              late++;
            }
            study.tell(t, TrialResult.failed("boom", 0.1));
          } else {
            study.tell(t, bowl(t.parameters()));
          }
        }
      }
    }
    // Failed trials join the bad set, so TPE learns to stay out.
    assertTrue(late / 120.0 < early / 40.0 / 2, "late failure rate " + late / 120.0 + " vs start " + early / 40.0);
  }

  @Test
  void childrenOfASingleBranchChoiceAreModelled() throws Exception {
    SearchSpace space =
        space(
            """
            {"type":"object","properties":{"opt":{"oneOf":[
              {"type":"object","properties":{"x":{"type":"number","min":-5,"max":5},"fixed":{"constant":3}}}]}}}
            """);
    double[] values = run(space, new TpeSampler(TpeSettings.DEFAULTS), 1, 60, p -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> opt = (Map<String, Object>) p.get("opt");
      assertEquals(3, opt.get("fixed"));
      double x = ((Number) opt.get("x")).doubleValue();
      return (x - 1) * (x - 1);
    });
    double late = median(Arrays.copyOfRange(values, 40, 60));
    assertTrue(late < 1, "later trials concentrate around x = 1: median value " + late);
  }
}
