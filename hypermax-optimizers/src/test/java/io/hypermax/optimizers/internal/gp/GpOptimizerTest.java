package io.hypermax.optimizers.internal.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.dbr.HyperParameters;
import io.hypermax.core.dbr.TrialRecord;
import io.hypermax.core.dbr.Tuner;
import io.hypermax.core.dbr.TuningResult;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpOptimizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static SearchSpace space(String json) throws Exception {
    return SpaceParser.parse(JSON.readTree(json));
  }

  static GpOptimizer gp() {
    return new GpOptimizer(GpSettings.DEFAULTS);
  }

  /** Sequential ask/tell; returns the trials' parameters (nested view) and values. */
  static List<Trial> run(Study study, int trials, ToDoubleFunction<Map<String, Object>> f) {
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < trials && study.hasBudget(); i++) {
      Trial t = study.ask();
      study.tell(t, f.applyAsDouble(t.parameters()));
      out.add(t);
    }
    return out;
  }

  private static double num(Map<String, Object> p, String key) {
    return ((Number) p.get(key)).doubleValue();
  }

  @Test
  void findsTheMinimumOfAOneDimensionalFunctionTo1e3In20Trials() throws Exception {
    SearchSpace space = space("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\",\"min\":-2,\"max\":3}}}");
    // A Gaussian well (smooth, not a polynomial) with its minimum at 0.37.
    double xStar = 0.37;
    ToDoubleFunction<Map<String, Object>> f = p -> 1 - Math.exp(-3 * Math.pow(num(p, "x") - xStar, 2));
    for (long seed = 0; seed < 3; seed++) {
      try (Study study = Study.builder(space, gp()).seed(seed).iterations(20).build()) {
        List<Trial> trials = run(study, 20, f);
        double bestX = trials.stream().min(java.util.Comparator.comparingDouble(t -> f.applyAsDouble(t.parameters())))
            .map(t -> num(t.parameters(), "x")).orElseThrow();
        assertEquals(xStar, bestX, 1e-3, "seed " + seed);
      }
    }
  }

  @Test
  void aDeterministicLossIsLocatedFarBelowTheOldNoiseFloor() throws Exception {
    // A tilted bowl over two log-scaled parameters (like an SVM's C and gamma), its minimum off any round value.
    // With the noise floor at 1e-6 the GP stalled near regret 1e-7 here; at 1e-14 it goes on to ~1e-11.
    SearchSpace space = space("{\"type\":\"object\",\"properties\":{"
        + "\"c\":{\"type\":\"number\",\"min\":0.001,\"max\":1000,\"scaling\":\"logarithmic\"},"
        + "\"g\":{\"type\":\"number\",\"min\":0.0001,\"max\":10,\"scaling\":\"logarithmic\"}}}");
    ToDoubleFunction<Map<String, Object>> f = p -> {
      double u = Math.log10(num(p, "c")) - 1.2345;
      double v = Math.log10(num(p, "g")) + 2.3456;
      return 0.05 * (u * u + v * v + 0.8 * u * v);
    };
    double[] best = new double[3];
    for (int seed = 0; seed < 3; seed++) {
      try (Study study = Study.builder(space, gp()).seed(seed).iterations(50).build()) {
        best[seed] = run(study, 50, f).stream().mapToDouble(t -> f.applyAsDouble(t.parameters())).min().orElseThrow();
      }
    }
    java.util.Arrays.sort(best);
    assertTrue(best[1] < 1e-9, "median best regret over 3 seeds: " + java.util.Arrays.toString(best));
  }

  private static final String EVERY_KIND =
      """
      {"type":"object","properties":{
        "lin":{"type":"number","min":-3,"max":2},
        "log":{"type":"number","min":0.0001,"max":10,"scaling":"logarithmic"},
        "int":{"type":"integer","min":-4,"max":9},
        "logint":{"type":"integer","min":1,"max":1024,"scaling":"logarithmic"},
        "rounded":{"type":"number","min":0,"max":2,"rounding":0.25},
        "normal":{"type":"number","mode":"normal","mean":1,"stddev":2},
        "color":{"type":"string","enum":["red","green","blue"]},
        "flag":{"type":"boolean"},
        "fixed":{"constant":42},
        "model":{"anyOf":[
          {"type":"object","properties":{"kind":{"constant":"a"},"c":{"type":"number","min":1,"max":2}}},
          {"type":"object","properties":{"kind":{"constant":"b"},"depth":{"type":"integer","min":1,"max":5}}}]}}}
      """;

  @Test
  void everyParameterKindIsSampledInRangeWithItsJavaType() throws Exception {
    SearchSpace space = space(EVERY_KIND);
    Set<Object> colors = new HashSet<>();
    Set<Object> flags = new HashSet<>();
    Set<Object> kinds = new HashSet<>();
    try (Study study = Study.builder(space, gp()).seed(3).iterations(40).build()) {
      List<Trial> trials =
          run(study, 40, p -> num(p, "lin") * num(p, "lin") + num(p, "int") + Math.log(num(p, "log")) + ("red".equals(p.get("color")) ? 0 : 1));
      for (Trial t : trials.subList(10, 40)) { // the GP's own suggestions
        space.validate(t.assignment());
        Map<String, Object> p = t.parameters();
        assertInstanceOf(Double.class, p.get("lin"));
        assertInstanceOf(Double.class, p.get("log"));
        assertInstanceOf(Integer.class, p.get("int"));
        assertInstanceOf(Integer.class, p.get("logint"));
        assertInstanceOf(Double.class, p.get("rounded"));
        assertEquals(0, num(p, "rounded") * 4 % 1, 0, "on the 0.25 grid: " + p.get("rounded"));
        assertInstanceOf(Double.class, p.get("normal"));
        assertInstanceOf(String.class, p.get("color"));
        assertInstanceOf(Boolean.class, p.get("flag"));
        assertEquals(42, p.get("fixed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) p.get("model");
        kinds.add(model.get("kind"));
        if ("a".equals(model.get("kind"))) {
          assertInstanceOf(Double.class, model.get("c"));
          assertTrue(!model.containsKey("depth"), model.toString());
        } else {
          assertInstanceOf(Integer.class, model.get("depth"));
          assertTrue(!model.containsKey("c"), model.toString());
        }
        colors.add(p.get("color"));
        flags.add(p.get("flag"));
      }
    }
    assertTrue(colors.contains("red"), "the GP finds the better category: " + colors);
  }

  private static final String MIXED =
      """
      {"type":"object","properties":{"model":{"anyOf":[
        {"type":"object","properties":{"name":{"constant":"svm"},
          "C":{"type":"number","min":0.001,"max":1000,"scaling":"logarithmic"},
          "gamma":{"type":"number","min":0.0001,"max":10,"scaling":"logarithmic"}}},
        {"type":"object","properties":{"name":{"constant":"rf"},
          "n":{"type":"integer","min":10,"max":1000,"scaling":"logarithmic"},
          "depth":{"type":"integer","min":1,"max":30}}}]}}}
      """;

  @SuppressWarnings("unchecked")
  private static double mixed(Map<String, Object> p) {
    Map<String, Object> m = (Map<String, Object>) p.get("model");
    if ("svm".equals(m.get("name"))) {
      double u = Math.log10(num(m, "C")) - 1.5;
      double v = Math.log10(num(m, "gamma")) + 2;
      return 0.05 + 0.05 * (u * u + v * v);
    }
    double dn = Math.log10(num(m, "n") / 300);
    double dd = num(m, "depth") - 12;
    return 0.08 + 0.04 * dn * dn + 0.001 * dd * dd;
  }

  @Test
  void conditionalSpacesRunAndBeatRandomSearch() throws Exception {
    SearchSpace space = space(MIXED);
    double[] gp = new double[5];
    double[] random = new double[5];
    for (int s = 0; s < 5; s++) {
      try (Study study = Study.builder(space, gp()).seed(s).iterations(40).build()) {
        gp[s] = run(study, 40, GpOptimizerTest::mixed).stream().mapToDouble(t -> mixed(t.parameters())).min().orElseThrow();
      }
      try (Study study = Study.builder(space, (Optimizer) r -> r.space().sample(r.random())).seed(s).iterations(40).build()) {
        random[s] = run(study, 40, GpOptimizerTest::mixed).stream().mapToDouble(t -> mixed(t.parameters())).min().orElseThrow();
      }
    }
    java.util.Arrays.sort(gp);
    java.util.Arrays.sort(random);
    assertTrue(gp[2] < random[2], "median best: gp " + gp[2] + " vs random " + random[2]);
    assertTrue(gp[2] < 0.06, "gp finds the svm branch's basin: " + gp[2]);
  }

  @Test
  void onlyCategoricalsSingleParametersAndConstantsWork() throws Exception {
    SearchSpace cats = space("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"enum\":[\"x\",\"y\",\"z\"]},\"b\":{\"type\":\"boolean\"}}}");
    try (Study study = Study.builder(cats, gp()).seed(1).iterations(30).build()) {
      List<Trial> trials = run(study, 30, p -> ("z".equals(p.get("a")) ? 0 : 1) + (Boolean.TRUE.equals(p.get("b")) ? 0 : 0.5));
      long best = trials.subList(15, 30).stream().filter(t -> "z".equals(t.parameters().get("a")) && Boolean.TRUE.equals(t.parameters().get("b"))).count();
      assertTrue(best >= 5, "the best of 6 combinations is proposed often once modelled: " + best + " of 15");
    }
    SearchSpace single = space("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"min\":1,\"max\":3}}}");
    try (Study study = Study.builder(single, gp()).seed(1).iterations(20).build()) {
      for (Trial t : run(study, 20, p -> num(p, "n"))) {
        assertInstanceOf(Integer.class, t.parameters().get("n"));
      }
    }
    SearchSpace constants = space("{\"type\":\"object\",\"properties\":{\"c\":{\"constant\":\"only\"}}}");
    try (Study study = Study.builder(constants, gp()).seed(1).iterations(15).build()) {
      for (Trial t : run(study, 15, p -> 1)) {
        assertEquals("only", t.parameters().get("c"));
      }
    }
  }

  private static final String BOWL =
      "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\",\"min\":-5,\"max\":5},"
          + "\"y\":{\"type\":\"number\",\"min\":-5,\"max\":5},\"k\":{\"type\":\"integer\",\"min\":0,\"max\":20}}}";

  private static double bowl(Map<String, Object> p) {
    return Math.pow(num(p, "x") - 1, 2) + Math.pow(num(p, "y") + 2, 2) + 0.1 * Math.pow(num(p, "k") - 7, 2);
  }

  @Test
  void aSeedReproducesItsSequenceAndAnotherSeedDoesNot() throws Exception {
    SearchSpace space = space(BOWL);
    List<Map<String, Object>> a;
    List<Map<String, Object>> b;
    List<Map<String, Object>> c;
    try (Study study = Study.builder(space, gp()).seed(7).iterations(25).build()) {
      a = run(study, 25, GpOptimizerTest::bowl).stream().map(t -> t.assignment().values()).toList();
    }
    try (Study study = Study.builder(space, gp()).seed(7).iterations(25).build()) {
      b = run(study, 25, GpOptimizerTest::bowl).stream().map(t -> t.assignment().values()).toList();
    }
    try (Study study = Study.builder(space, gp()).seed(8).iterations(25).build()) {
      c = run(study, 25, GpOptimizerTest::bowl).stream().map(t -> t.assignment().values()).toList();
    }
    assertEquals(a, b);
    assertNotEquals(a.subList(10, 25), c.subList(10, 25));
  }

  @Test
  void aResumedStudyContinuesTheUninterruptedSequence() throws Exception {
    SearchSpace space = space(BOWL);
    List<Map<String, Object>> whole;
    try (Study study = Study.builder(space, gp()).seed(21).iterations(40).build()) {
      whole = run(study, 40, GpOptimizerTest::bowl).stream().map(t -> t.assignment().values()).toList();
    }
    Path results = dir.resolve("results");
    try (Journal journal = Journal.open(results);
        Study first = Study.builder(space, gp()).seed(21).iterations(40).journal(journal).build()) {
      journal.recordStudy(21);
      run(first, 23, GpOptimizerTest::bowl); // stops between two refit checkpoints (22 and 24)
    }
    StoredStudy state = Journal.read(results);
    try (Journal journal = Journal.open(results);
        Study resumed = Study.builder(space, gp()).seed(state.seed()).iterations(40).journal(journal).restore(state).build()) {
      run(resumed, 40, GpOptimizerTest::bowl);
      assertEquals(whole, resumed.snapshot().trials().stream().map(t -> t.assignment().values()).toList());
    }
  }

  @Test
  void failedTrialsAreLeftOutAndKilledOnesCountWithTheirLoss() throws Exception {
    SearchSpace space = space(BOWL);
    try (Study study = Study.builder(space, gp()).seed(2).iterations(40).build()) {
      double bestLate = Double.POSITIVE_INFINITY;
      int failedLate = 0;
      for (int i = 0; i < 40; i++) {
        Trial t = study.ask();
        double x = num(t.parameters(), "x");
        double value = bowl(t.parameters());
        if (x > 3) {
          study.tell(t, TrialResult.failed("crashes for x > 3", 0.1));
          failedLate += i >= 20 ? 1 : 0;
        } else if (x < -3) {
          study.tell(t, TrialResult.killed(value, "killed", 0.1)); // killed, with its loss so far
        } else {
          study.tell(t, value);
          bestLate = i >= 10 ? Math.min(bestLate, value) : bestLate;
        }
      }
      assertTrue(bestLate < 0.5, "still converges: " + bestLate);
      assertTrue(failedLate <= 5, "failed trials are not modelled as good: " + failedLate + " failures in the last 20");
    }
  }

  @Test
  void parallelWorkersGetDistinctPoints() throws Exception {
    SearchSpace space = space(BOWL);
    try (Study study = Study.builder(space, gp()).seed(4).iterations(40).build()) {
      run(study, 20, GpOptimizerTest::bowl);
      List<Trial> pending = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        pending.add(study.ask()); // four workers ask before any reports back
      }
      for (int i = 0; i < pending.size(); i++) {
        for (int j = i + 1; j < pending.size(); j++) {
          double dx = num(pending.get(i).parameters(), "x") - num(pending.get(j).parameters(), "x");
          double dy = num(pending.get(i).parameters(), "y") - num(pending.get(j).parameters(), "y");
          double dk = (num(pending.get(i).parameters(), "k") - num(pending.get(j).parameters(), "k")) / 2;
          // Near convergence the believer spreads workers by the model's uncertainty, which is small there:
          // distinct points at least 1e-4 of the range apart, not copies of one another.
          assertTrue(Math.sqrt(dx * dx + dy * dy + dk * dk) > 1e-3, "near-duplicates " + pending.get(i).parameters() + " " + pending.get(j).parameters());
        }
      }
    }
  }

  static String build(HyperParameters hp) {
    double lr = hp.suggestFloat("lr", 1e-4, 1, true);
    if (hp.suggestBoolean("dropout")) {
      return lr + "/" + hp.suggestFloat("rate", 0.1, 0.5);
    }
    return lr + "/" + hp.suggestInt("layers", 1, 4);
  }

  @Test
  void defineByRunSpacesRun() {
    TuningResult result =
        Tuner.<String>builder(GpOptimizerTest::build, (trial, model) -> {
              String[] parts = model.split("/");
              double lr = Math.log10(Double.parseDouble(parts[0])) + 2;
              return lr * lr + Double.parseDouble(parts[1]);
            })
            .projectDir(dir.resolve("dbr"))
            .method("gp")
            .seed(5)
            .maxTrials(30)
            .writeResults(false)
            .build()
            .search();
    assertEquals(30, result.trials().size());
    for (TrialRecord t : result.trials()) {
      boolean dropout = Boolean.TRUE.equals(t.params().get("dropout"));
      assertEquals(dropout, t.params().containsKey("rate"), t.toString());
      assertEquals(!dropout, t.params().containsKey("layers"), t.toString());
    }
    double best = result.trials().stream().filter(TrialRecord::isComplete).mapToDouble(TrialRecord::score).min().orElseThrow();
    assertTrue(best < 0.2, "best " + best);
  }

  @Test
  void settingsAreValidatedAndUnknownKeysRejected() throws Exception {
    OptimizerProvider provider = Plugins.load().optimizer("gp");
    assertInstanceOf(GpProvider.class, provider);
    SearchSpace space = space(BOWL);
    ConfigNode good = new ConfigNode("config.yaml", "search",
        JSON.readTree("{\"method\":\"gp\",\"n_startup_trials\":5,\"kernel\":\"rbf\",\"warping\":\"rank\",\"candidates\":64}"));
    GpOptimizer optimizer = (GpOptimizer) provider.create(new OptimizerProvider.Context(space, good, 1));
    assertEquals(5, optimizer.settings().nStartup());
    assertEquals(Kernel.RBF, optimizer.settings().kernel());
    assertEquals(Warping.RANK, optimizer.settings().warping());
    for (String bad : List.of("{\"n_startup\":5}", "{\"kernel\":\"matern32\"}", "{\"min_noise\":0}", "{\"max_points\":10}")) {
      ConfigNode node = new ConfigNode("config.yaml", "search", JSON.readTree(bad));
      ConfigException e = assertThrows(ConfigException.class, () -> provider.create(new OptimizerProvider.Context(space, node, 1)), bad);
      assertTrue(e.getMessage().contains("search"), e.getMessage());
    }
  }
}
