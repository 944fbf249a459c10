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

  @Test
  void logRegretValuesWeighHowMuchOfTheRegretEachActionLeaves() {
    // State best 1.0, optimum 0: an action that reaches 0.01 leaves 1 % of the regret, one at 0.5 half.
    double[] v = TrainingPipeline.logRegret(new double[] {0.01, 0.5, 2.0, Double.POSITIVE_INFINITY, 0.0}, 1.0, 0.0);
    assertEquals(Math.log10(0.01 + 1e-3) - Math.log10(1e-3), v[0], 1e-12);
    assertEquals(Math.log10(0.5 + 1e-3) - Math.log10(1e-3), v[1], 1e-12);
    // No improvement and all-failed horizons leave the whole regret; reaching the optimum is 0.
    assertEquals(Math.log10(1 + 1e-3) - Math.log10(1e-3), v[2], 1e-12);
    assertEquals(v[2], v[3], 0);
    assertEquals(0, v[4], 0);
    // No regret to share (the state is at the optimum, or nothing succeeded yet): every action alike.
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[3],
        TrainingPipeline.logRegret(new double[] {0.0, 0.5, Double.POSITIVE_INFINITY}, 0.0, 0.0));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[2],
        TrainingPipeline.logRegret(new double[] {0.1, 0.5}, Double.NaN, 0.0));
    // Scale-free: shifting and scaling the losses gives the same values.
    double[] w = TrainingPipeline.logRegret(new double[] {7.03, 8.5, 13.0, Double.POSITIVE_INFINITY, 7.0}, 10.0, 7.0);
    assertEquals(v[1], w[1], 1e-9);
    assertEquals(v[2], w[2], 1e-9);
  }

  @Test
  void rankLabelsRemainAvailable(@TempDir Path dir) throws Exception {
    TrainingConfig s = TrainingConfig.small(7);
    TrainingConfig rank = new TrainingConfig(s.masterSeed(), s.objectives(), s.histories(), s.checkpoints(),
        s.horizon(), s.actions(), s.kCandidates(), "rank");
    PolicyModel model = new TrainingPipeline(rank).run(dir);
    assertTrue(model.version().contains("/rank/"), model.version());
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new TrainingConfig(7, 5, 1, java.util.List.of(10), 1, s.actions(), s.kCandidates(), "ranks"))
        .getMessage().contains("labels"));
  }
}
