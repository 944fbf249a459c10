package io.hypermax.optimizers.internal.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.dbr.HyperParameters;
import io.hypermax.core.dbr.TrialRecord;
import io.hypermax.core.dbr.Tuner;
import io.hypermax.core.dbr.TunerTrial;
import io.hypermax.core.dbr.TuningResult;
import io.hypermax.core.internal.plugin.Plugins;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StoRM behind the define-by-run Tuner, found as a plugin like any {@code search.method}. */
class StormTunerTest {
  @TempDir Path dir;

  /** batch (2, ordered) x activation (3) x dropout (off, or on with one of 5 rates) = 36 configurations. */
  static String build(HyperParameters hp) {
    int batch = hp.param("batch_size", List.of(32, 64), true);
    String activation = hp.param("activation", List.of("tanh", "relu", "elu"));
    String model = "dense(" + activation + ")/" + batch;
    if (hp.param("dropout", List.of(true, false))) {
      model += "/dropout(" + hp.param("dropout_val", List.of(0.1, 0.2, 0.3, 0.4, 0.5), true) + ")";
    }
    return model;
  }

  static Double score(TunerTrial trial, String model) {
    trial.metric("length", model.length());
    return (double) Math.floorMod(model.hashCode(), 97);
  }

  /** StoRM's knobs reach the optimizer as settings: it checks their ranges, the core checks no key is unknown. */
  @Test
  void stormSettingsAreCheckedByTheOptimizerAndUnknownOnesByTheCore(@TempDir Path dir) {
    ConfigException range = assertThrows(ConfigException.class,
        () -> tuner(dir.resolve("a")).setting("init_random", -1).maxTrials(3).build().search());
    assertTrue(range.getMessage().contains("init_random"), range.getMessage());
    ConfigException factor = assertThrows(ConfigException.class,
        () -> tuner(dir.resolve("b")).setting("randomize_axis_factor", 1.0).maxTrials(3).build().search());
    assertTrue(factor.getMessage().contains("randomize_axis_factor"), factor.getMessage());
    ConfigException typo = assertThrows(ConfigException.class,
        () -> tuner(dir.resolve("c")).setting("init_randm", 5).maxTrials(3).build().search());
    assertTrue(typo.getMessage().contains("unknown key 'init_randm'") && typo.getMessage().contains("init_random"),
        typo.getMessage());
  }

  private Tuner.Builder<String> tuner(Path project) {
    return Tuner.builder(StormTunerTest::build, StormTunerTest::score)
        .projectDir(project)
        .direction("maximize")
        .seed(9)
        .writeResults(false);
  }

  @Test
  void resultsOfAProjectUseTheDirectionItWasSearchedWith(@org.junit.jupiter.api.io.TempDir Path project) {
    TuningResult searched = tuner(project).maxTrials(12).build().search();
    double best = searched.best().orElseThrow().score();
    // A tuner built without a direction (minimize by default) only reads the project here.
    TuningResult read = Tuner.builder(StormTunerTest::build, StormTunerTest::score).projectDir(project).build().results();
    assertEquals(best, read.best().orElseThrow().score(), "the maximize project's best, not its worst");
  }

  @Test
  void coreKeysGivenAsSettingsReachTheTunersOwnFields(@org.junit.jupiter.api.io.TempDir Path project) {
    TuningResult r =
        Tuner.builder(StormTunerTest::build, StormTunerTest::score)
            .projectDir(project)
            .writeResults(false)
            .setting("direction", "maximize")
            .setting("iterations", 7)
            .setting("seed", 3)
            .build()
            .search();
    assertEquals(7, r.trials().size());
    double max = r.trials().stream().filter(TrialRecord::isComplete).mapToDouble(TrialRecord::score).max().orElseThrow();
    assertEquals(max, r.best().orElseThrow().score());
  }

  @Test
  void aProjectInUseByAnotherTunerIsRefused(@org.junit.jupiter.api.io.TempDir Path project) {
    try (var held = io.hypermax.core.internal.run.DirectoryLock.acquire(project)) {
      var e = org.junit.jupiter.api.Assertions.assertThrows(
          io.hypermax.core.config.ConfigException.class, () -> tuner(project).maxTrials(3).build().search());
      assertTrue(e.getMessage().contains("in use by another running hypermax search"), e.getMessage());
    }
    assertEquals(3, tuner(project).maxTrials(3).build().search().trials().size(), "free again once released");
  }

  @Test
  void stormIsAnOptimizerPlugin() {
    assertEquals(StormProvider.class, Plugins.load().optimizer("storm").getClass());
  }

  @Test
  void conditionalParametersAreInactiveAndExcludedFromTheDuplicateCheck() {
    TuningResult result = tuner(dir).maxTrials(100).build().search();
    assertEquals(36, result.trials().size(), "each distinct configuration once, then a clean stop");
    assertNotNull(result.stopReason());
    assertTrue(result.stopReason().contains("tried every configuration"), result.stopReason());
    Set<Map<String, Object>> seen = new HashSet<>();
    for (TrialRecord t : result.trials()) {
      assertEquals(t.params().get("dropout"), t.params().containsKey("dropout_val"), t.toString());
      assertTrue(seen.add(new TreeMap<>(t.params())), "repeated " + t.params());
    }
  }

  @Test
  void parallelTrialsNeverRepeatAConfiguration() {
    TuningResult result = tuner(dir).parallel(3).maxTrials(100).build().search();
    assertEquals(36, result.trials().size());
    assertEquals(36, result.trials().stream().map(t -> new TreeMap<>(t.params())).distinct().count());
  }

  @Test
  void otherOptimizersSearchDefineByRunSpacesToo() {
    TuningResult result = tuner(dir).method("random").maxTrials(25).build().search();
    assertEquals(25, result.trials().size());
    for (TrialRecord t : result.trials()) {
      assertEquals(t.params().get("dropout"), t.params().containsKey("dropout_val"), t.toString());
      assertEquals(t.params().get("dropout").equals(true) ? 4 : 3, t.params().size(), t.toString());
    }
  }

  @Test
  void resumedSearchContinuesTheUninterruptedSequence() {
    TuningResult uninterrupted = tuner(dir.resolve("whole")).setting("init_random", 5).maxTrials(30).build().search();
    Path split = dir.resolve("split");
    tuner(split).setting("init_random", 5).maxTrials(11).build().search();
    TuningResult resumed = tuner(split).setting("init_random", 5).maxTrials(30).build().search();
    assertEquals(30, resumed.trials().size());
    assertEquals(
        uninterrupted.trials().stream().map(TrialRecord::params).toList(),
        resumed.trials().stream().map(TrialRecord::params).toList());
    assertEquals(uninterrupted.scores(), resumed.scores());
    assertEquals(uninterrupted.metricValues("length"), resumed.metricValues("length"));
  }

  @Test
  void mutationPhaseStartsAfterInitRandomAndClimbs() {
    TuningResult result = tuner(dir).setting("init_random", 5).setting("randomize_axis_factor", 0.5).maxTrials(20).build().search();
    double bestOfRandom = result.trials().subList(0, 5).stream().mapToDouble(TrialRecord::score).max().orElseThrow();
    assertTrue(result.best().orElseThrow().score() >= bestOfRandom);
    // After the random phase every candidate is a mutation of the best so far: most differ from it in few parameters.
    int near = 0;
    for (int i = 5; i < 20; i++) {
      Map<String, Object> bestSoFar =
          result.trials().subList(0, i).stream()
              .max(java.util.Comparator.comparingDouble(TrialRecord::score).thenComparing(t -> -t.number()))
              .orElseThrow()
              .params();
      Map<String, Object> candidate = result.trials().get(i).params();
      Set<String> names = new HashSet<>(bestSoFar.keySet());
      names.addAll(candidate.keySet());
      long changed = names.stream().filter(n -> !java.util.Objects.equals(bestSoFar.get(n), candidate.get(n))).count();
      near += changed <= 2 ? 1 : 0;
    }
    assertTrue(near >= 10, near + " of 15 mutations within two parameters of the best");
  }
}
