package io.hypermax.examples.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.dbr.TrialRecord;
import io.hypermax.core.dbr.TuningResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StormExampleTest {
  @TempDir Path dir;

  @Test
  void networkLearnsFriedman1() {
    Friedman1 data = Friedman1.generate(800, 400, 20231012L);
    Mlp mlp = new Mlp(Friedman1.INPUTS, 20, Activation.TANH, 0, 0.01, 7);
    double before = mlp.loss(data.validX(), data.validY());
    double[] history = mlp.fit(data.trainX(), data.trainY(), 25, 32, data.validX(), data.validY(), 1);
    assertEquals(25, history.length);
    assertTrue(history[24] < before / 5, "validation loss " + before + " -> " + history[24]);
  }

  @Test
  void activationDerivativesMatchFiniteDifferences() {
    for (Activation a : Activation.values()) {
      for (double x : new double[] {-2, -0.3, 0.4, 1.7}) {
        double numeric = (a.apply(x + 1e-6) - a.apply(x - 1e-6)) / 2e-6;
        assertEquals(numeric, a.derivative(x), 1e-5, a + " at " + x);
      }
    }
  }

  @Test
  void exampleTunesAndWritesItsProject() {
    TuningResult result = StormExample.tuner(dir, 12, 42).search();
    assertEquals(12, result.trials().size());
    TrialRecord best = result.best().orElseThrow();
    assertTrue(best.score() < result.trials().get(0).score() || best.number() == 0);
    assertEquals(25, result.metricValues("epochs").get(0));
    for (TrialRecord t : result.trials()) {
      assertEquals(t.params().get("dropout"), t.params().containsKey("dropout_val"));
    }
    assertTrue(Files.exists(dir.resolve("journal.jsonl")));
  }
}
