package io.hypermax.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick-start objective is a real model: its loss depends on the hyperparameters the way boosting should. */
class GradientBoostingModelTest {
  static double loss(int trees, double lr, int depth) {
    return ((Number) GradientBoostingModel.trainModel(
            Map.of("n_estimators", trees, "learning_rate", lr, "max_depth", depth, "subsample", 1.0))
        .get("loss")).doubleValue();
  }

  @Test
  void moreBoostingBeatsTooLittleAndResultsAreDeterministic() {
    double underfit = loss(1, 0.01, 1);
    double reasonable = loss(100, 0.1, 3);
    assertTrue(reasonable < underfit - 0.1, "100 rounds (" + reasonable + ") beat 1 round (" + underfit + ")");
    assertEquals(Math.log(2), underfit, 0.05, "one tiny step leaves the log-loss near chance");
    assertEquals(reasonable, loss(100, 0.1, 3), "deterministic");
  }

  @Test
  void reportsAccuracyAsMetadataAndRejectsInvalidParameters() {
    Map<String, Object> r =
        GradientBoostingModel.trainModel(Map.of("n_estimators", 50, "learning_rate", 0.2, "max_depth", 2, "subsample", 0.8));
    double accuracy = ((Number) r.get("accuracy")).doubleValue();
    assertTrue(accuracy > 0.6 && accuracy <= 1.0, "accuracy " + accuracy);
    assertThrows(IllegalArgumentException.class,
        () -> GradientBoostingModel.trainModel(Map.of("n_estimators", 0, "learning_rate", 0.1)));
  }
}
