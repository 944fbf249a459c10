package io.hypermax.optimizers.internal.atpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.optimizers.internal.atpe.training.TrainingConfig;
import io.hypermax.optimizers.internal.atpe.training.TrainingPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small training configuration, twice with one seed: byte-identical model and report. */
class TrainingPipelineTest {

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void sameSeedGivesTheSameBytesAndAUsableModel(@TempDir Path dir) throws Exception {
    PolicyModel first = new TrainingPipeline(TrainingConfig.small(7)).run(dir.resolve("a"));
    new TrainingPipeline(TrainingConfig.small(7)).run(dir.resolve("b"));
    for (String f : new String[] {TrainingPipeline.MODEL_FILE, TrainingPipeline.REPORT_FILE}) {
      assertEquals(sha256(dir.resolve("a").resolve(f)), sha256(dir.resolve("b").resolve(f)), f);
    }
    JsonNode report = JsonValues.MAPPER.readTree(dir.resolve("a").resolve(TrainingPipeline.REPORT_FILE).toFile());
    assertTrue(report.path("states").asInt() > 0);
    assertEquals(report.path("states").asInt(), report.path("train_states").asInt()
        + report.path("validation_states").asInt() + report.path("test_states").asInt());
    assertTrue(report.path("test").has("accuracy"));
    // Golden: what the file predicts at run time equals what the pipeline reported.
    boolean[] all = new boolean[first.actions().size()];
    java.util.Arrays.fill(all, true);
    for (JsonNode g : report.path("golden")) {
      double[] f = JsonValues.MAPPER.treeToValue(g.path("features"), double[].class);
      assertEquals(g.path("action").asText(), first.actions().get(first.choose(f, all)).id());
    }
    // A different seed gives a different run.
    new TrainingPipeline(TrainingConfig.small(8)).run(dir.resolve("c"));
    assertTrue(!sha256(dir.resolve("a").resolve(TrainingPipeline.MODEL_FILE))
        .equals(sha256(dir.resolve("c").resolve(TrainingPipeline.MODEL_FILE))));
  }
}
