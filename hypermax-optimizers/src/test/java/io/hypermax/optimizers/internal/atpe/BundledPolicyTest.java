package io.hypermax.optimizers.internal.atpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Golden test: the shipped model predicts, at run time, what the pipeline recorded when it wrote it. */
class BundledPolicyTest {

  @Test
  void runTimePredictionsEqualThePipelines() throws Exception {
    PolicyModel model = PolicyModel.bundled();
    JsonNode report;
    try (InputStream in = getClass().getResourceAsStream("/io/hypermax/optimizers/internal/atpe/atpe-train-report.json")) {
      report = JsonValues.MAPPER.readTree(in);
    }
    assertEquals(report.path("model_version").asText(), model.version());
    boolean[] all = new boolean[model.actions().size()];
    Arrays.fill(all, true);
    int checked = 0;
    for (JsonNode g : report.path("golden")) {
      double[] f = JsonValues.MAPPER.treeToValue(g.path("features"), double[].class);
      assertEquals(g.path("action").asText(), model.actions().get(model.choose(f, all)).id());
      checked++;
    }
    assertTrue(checked >= 5, "golden vectors: " + checked);
  }

  @Test
  void anActionThatCannotRunIsNeverChosen() throws Exception {
    PolicyModel model = PolicyModel.bundled();
    double[] f = new double[HistoryFeatures.NAMES.size()];
    boolean[] usable = new boolean[model.actions().size()];
    Arrays.fill(usable, true);
    int first = model.choose(f, usable);
    usable[first] = false;
    int second = model.choose(f, usable);
    assertTrue(second != first);
    double[] values = model.meanValues(f);
    for (int a = 0; a < values.length; a++) {
      if (usable[a]) {
        assertTrue(values[second] <= values[a]);
      }
    }
  }
}
