package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search.deterministic: true}: a seeded TPE search with four trials at once, whose trials
 * finish in a different order every run, suggests the same trials every run, also across a resume.
 */
class DeterministicParallelTest {
  @TempDir Path dir;

  private Path config(String name, boolean deterministic) throws Exception {
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(
        config,
        SearchCommandTest.config(dir.resolve(name), "tpe", "jitterBowl", 40, deterministic ? "  deterministic: true" : "")
            .replace("method: jitterBowl", "method: jitterBowl\n  parallel: 4")
            .replace("results:\n", "results:\n  graphs: false\n"));
    return config;
  }

  /** Trial number to its parameters, from a journal's start records (a rerun's start replaces the first). */
  static Map<Integer, JsonNode> suggested(Path results) throws Exception {
    Map<Integer, JsonNode> params = new TreeMap<>();
    for (String line : Files.readAllLines(results.resolve("journal.jsonl"))) {
      JsonNode n = JsonValues.MAPPER.readTree(line);
      if (n.path("event").asText().equals("start")) {
        params.put(n.get("trial").asInt(), n.get("params"));
      }
    }
    return params;
  }

  @Test
  void aSeededDeterministicParallelTpeRunIsReproducible() throws Exception {
    Path config = config("det", true);
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    Map<Integer, JsonNode> first = suggested(dir.resolve("det_0"));
    Map<Integer, JsonNode> second = suggested(dir.resolve("det_1"));
    assertEquals(40, first.size());
    assertEquals(first, second, "the same trials, whatever order they finished in");
  }

  @Test
  void aDeterministicParallelRunResumedHalfwaySuggestsTheSameTrials() throws Exception {
    Path config = config("det", true);
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    assertEquals(0, Cli.run("--no-ui", "--iterations", "17", config.toString()).exitCode());
    assertEquals(0, Cli.run("--no-ui", config.toString(), dir.resolve("det_1").toString()).exitCode());
    assertEquals(suggested(dir.resolve("det_0")), suggested(dir.resolve("det_1")));
  }
}
