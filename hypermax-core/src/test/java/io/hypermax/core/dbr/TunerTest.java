package io.hypermax.core.dbr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {
  /** Draws every parameter from its prior: the simplest optimizer, available without plugins. */
  private static final Optimizer PRIOR = request -> request.resolve(Map.of());

  @TempDir Path dir;

  /** The README's model: batch size, activation, and a dropout rate only when dropout is on. */
  static Map<String, Object> build(HyperParameters hp) {
    int batch = hp.param("batch_size", List.of(32, 64, 128, 256), true);
    String activation = hp.param("activation", List.of("tanh", "softsign", "selu", "relu"));
    double dropout = hp.param("dropout", List.of(true, false)) ? hp.param("dropout_val", List.of(0.1, 0.2, 0.3), true) : 0;
    // Number ranges too, so resuming restores every kind of definition from the journal.
    double lr = hp.suggestFloat("lr", 1e-4, 1e-1, true);
    int units = hp.suggestInt("units", 8, 64, 8);
    return Map.of("batch", batch, "activation", activation, "dropout", dropout, "lr", lr, "units", units);
  }

  static Double score(TunerTrial trial, Map<String, Object> model) {
    trial.metric("epochs", 10 + trial.number());
    double d = (Double) model.get("dropout");
    return Math.abs(d - 0.2) + ((Integer) model.get("batch")) / 1000.0;
  }

  private Tuner.Builder<Map<String, Object>> tuner() {
    return Tuner.builder(TunerTest::build, TunerTest::score)
        .projectDir(dir)
        .optimizer(PRIOR)
        .writeResults(false)
        .seed(3);
  }

  @Test
  void directionIsValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tuner().direction("maximise"));
    assertTrue(e.getMessage().contains("'maximise'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tuner().direction(""));
    tuner().direction("maximize").direction("min");
    assertThrows(IllegalArgumentException.class, () -> tuner().maxTrials(0));
  }

  @Test
  void metricsAreSavedAndRetrievableForAllTrials() {
    TuningResult result = tuner().maxTrials(6).build().search();
    assertEquals(6, result.trials().size());
    assertEquals(List.of(10, 11, 12, 13, 14, 15), result.metricValues("epochs"));
    assertThrows(IllegalArgumentException.class, () -> result.metricValues("epochz"));
    // Read back from the project's journal by a new tuner.
    TuningResult reloaded = tuner().build().results();
    assertEquals(result.metricValues("epochs"), reloaded.metricValues("epochs"));
    assertEquals(result.best().orElseThrow(), reloaded.best().orElseThrow());
  }

  @Test
  void inactiveParametersAreAbsentFromTrials() {
    TuningResult result = tuner().maxTrials(30).build().search();
    int on = 0;
    for (TrialRecord t : result.trials()) {
      boolean dropout = (Boolean) t.params().get("dropout");
      assertEquals(dropout, t.params().containsKey("dropout_val"), t.toString());
      on += dropout ? 1 : 0;
    }
    assertTrue(on > 0 && on < 30, "both branches were tried");
  }

  @Test
  void searchResumesFromTheProjectDirectory() {
    List<Map<String, Object>> uninterrupted = paramsOf(tuner().projectDir(dir.resolve("a")).maxTrials(12).build().search());
    tuner().projectDir(dir.resolve("b")).maxTrials(5).build().search();
    TuningResult resumed = tuner().projectDir(dir.resolve("b")).maxTrials(12).build().search();
    assertEquals(uninterrupted, paramsOf(resumed));
  }

  static List<Map<String, Object>> paramsOf(TuningResult r) {
    List<Map<String, Object>> out = new ArrayList<>();
    r.trials().forEach(t -> out.add(t.params()));
    return out;
  }

  @Test
  void resumingWithAnotherDirectionOrDefinitionIsAnError() {
    tuner().maxTrials(3).build().search();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tuner().direction("maximize").maxTrials(4).build().search());
    assertTrue(e.getMessage().contains("direction"), e.getMessage());
    Tuner<String> changed =
        Tuner.<String>builder(hp -> hp.param("batch_size", List.of(16, 32)).toString(), (t, m) -> 1.0)
            .projectDir(dir)
            .optimizer(PRIOR)
            .writeResults(false)
            .maxTrials(4)
            .build();
    assertThrows(ParameterRedefinedException.class, changed::search);
  }

  @Test
  void failingTrialsAreRecordedAndTheSearchGoesOn() {
    int[] calls = {0};
    Tuner<Integer> tuner =
        Tuner.<Integer>builder(
                hp -> hp.param("x", List.of(1, 2, 3)),
                (t, x) -> {
                  calls[0]++;
                  if (t.number() % 2 == 0) {
                    throw new IllegalStateException("diverged");
                  }
                  return t.number() == 1 ? Double.NaN : (double) x;
                })
            .projectDir(dir)
            .optimizer(PRIOR)
            .writeResults(false)
            .maxTrials(5)
            .build();
    TuningResult result = tuner.search();
    assertEquals(5, calls[0]);
    assertArrayEquals(
        new Object[] {TrialStatus.FAILED, TrialStatus.FAILED, TrialStatus.FAILED, TrialStatus.COMPLETE, TrialStatus.FAILED},
        result.trials().stream().map(TrialRecord::status).toArray());
    assertTrue(result.trials().get(0).error().contains("diverged"));
    assertEquals(3, result.best().orElseThrow().number());
    assertNull(result.stopReason());
  }
}
