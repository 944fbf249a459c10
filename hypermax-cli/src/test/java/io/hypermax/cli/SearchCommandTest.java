package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypermax CONFIG [RESULTS_DIR]} end to end, in-process. */
class SearchCommandTest {
  @TempDir Path dir;

  static String config(Path resultsBase, String method, String function, int iterations, String extraSearch) {
    return """
        hyperparameters:
          type: object
          properties:
            x: {type: number, min: -5, max: 5}
            y: {type: number, min: -5, max: 5}
        function:
          type: java_function
          class: io.hypermax.cli.Objectives
          method: %s
        search:
          method: %s
          iterations: %d
          seed: 3
        %s
        results:
          directory: %s
        """.formatted(function, method, iterations, extraSearch, resultsBase.toString().replace("\\", "/"));
  }

  Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  static List<String> csvRows(Path resultsDir) throws Exception {
    return Files.readAllLines(resultsDir.resolve("results.csv")).stream().skip(1).filter(l -> l.matches("^\\d+,.*")).toList();
  }

  @Test
  void runsASearchAndWritesNumberedResultsDirectories() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("out/results"), "random", "bowl", 25, ""));
    Cli first = Cli.run("--no-ui", config.toString());
    assertEquals(0, first.exitCode(), first.toString());
    Path results0 = dir.resolve("out/results_0");
    assertEquals(25, csvRows(results0).size());
    assertTrue(first.out().contains("best loss:"), first.toString());
    assertTrue(first.out().contains("best parameters: {"), first.toString());
    JsonNode best = JsonValues.MAPPER.readTree(results0.resolve("best.json").toFile());
    assertTrue(best.at("/parameters/x").isNumber());
    JsonNode copy = JsonValues.MAPPER.readTree(results0.resolve("search.json").toFile());
    assertEquals(25, copy.at("/search/iterations").asInt(), "search.json is the config as given");
    assertTrue(Files.exists(results0.resolve("journal.jsonl")));

    Cli second = Cli.run("--no-ui", config.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertTrue(Files.isDirectory(dir.resolve("out/results_1")), "a second run does not overwrite the first");
    JsonNode again = JsonValues.MAPPER.readTree(dir.resolve("out/results_1/best.json").toFile());
    assertEquals(best.get("trial"), again.get("trial"), "the same seed finds the same best trial");
    assertEquals(best.get("parameters"), again.get("parameters"));
  }

  @Test
  void seedAndIterationsCanBeOverriddenOnTheCommandLine() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("results"), "random", "bowl", 25, ""));
    assertEquals(0, Cli.run("--no-ui", "--iterations", "7", "--seed", "11", config.toString()).exitCode());
    assertEquals(0, Cli.run("--no-ui", "--iterations", "7", "--seed", "11", config.toString()).exitCode());
    assertEquals(0, Cli.run("--no-ui", "--iterations", "7", "--seed", "12", config.toString()).exitCode());
    List<String> a = trials(dir.resolve("results_0"));
    assertEquals(7, a.size());
    assertEquals(a, trials(dir.resolve("results_1")), "the same seed gives the same trials");
    assertFalse(a.equals(trials(dir.resolve("results_2"))), "another seed gives other trials");
  }

  /** Trial number, status, loss and parameters of each row (measured times vary from run to run). */
  static List<String> trials(Path resultsDir) throws Exception {
    return csvRows(resultsDir).stream()
        .map(row -> row.split(","))
        .map(c -> String.join(",", c[0], c[1], c[2], c[6], c[7]))
        .toList();
  }

  @Test
  void resumingContinuesToTheNewTotalWithoutRepeatingTrials() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("results"), "random", "bowl", 10, ""));
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    Path results = dir.resolve("results_0");
    List<String> before = csvRows(results);
    Cli resumed = Cli.run("--no-ui", "--iterations", "16", config.toString(), results.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());
    List<String> after = csvRows(results);
    assertEquals(16, after.size());
    assertEquals(before, after.subList(0, 10), "completed trials are kept as they were");
    assertFalse(Files.exists(dir.resolve("results_1")), "a resume writes into the directory given");
  }

  @Test
  void aSearchWithoutASingleCompleteTrialExitsOne() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("results"), "random", "broken", 3, ""));
    Cli cli = Cli.run("--no-ui", config.toString());
    assertEquals(1, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("no trial completed successfully"), cli.toString());
  }

  @Test
  void resumingWithAnotherSearchSpaceIsRefused() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("results"), "random", "bowl", 4, ""));
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    Files.writeString(config, Files.readString(config).replace("x: {type: number, min: -5, max: 5}", "x: {type: number, min: 0, max: 5}"));
    Cli cli = Cli.run("--no-ui", "--iterations", "8", config.toString(), dir.resolve("results_0").toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("hyperparameters: differs from the search space"), cli.toString());
    assertEquals(4, csvRows(dir.resolve("results_0")).size(), "nothing ran");
  }

  @Test
  void aResultsDirectoryInUseByAnotherSearchIsRefused() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("results"), "random", "bowl", 4, ""));
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    Path results = dir.resolve("results_0");
    try (var channel = java.nio.channels.FileChannel.open(results.resolve(".lock"), java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      // Another JVM would hold this lock; in one JVM the overlapping lock is refused the same way.
      Cli cli = Cli.run("--no-ui", "--iterations", "8", config.toString(), results.toString());
      assertEquals(2, cli.exitCode(), cli.toString());
      assertTrue(cli.err().contains("in use by another running hypermax search"), cli.toString());
    }
    assertEquals(0, Cli.run("--no-ui", "--iterations", "8", config.toString(), results.toString()).exitCode(), "free again");
    assertEquals(8, csvRows(results).size());
  }

  @Test
  void aResultsDirectoryThatCannotBeCreatedIsAConfigError() throws Exception {
    Files.writeString(dir.resolve("afile"), "x");
    Path config = write("search.yaml", config(dir.resolve("afile/res"), "random", "bowl", 2, ""));
    Cli cli = Cli.run("--no-ui", config.toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("results.directory: cannot create the results directory"), cli.toString());
  }

  @Test
  void aFunctionThatAlwaysThrowsStopsAfterMaxFailuresWithExitOne() throws Exception {
    Path config = write("search.yaml", config(dir.resolve("results"), "random", "broken", 50, "").replace(
        "method: broken", "method: broken\n  max_failures: 4"));
    Cli cli = Cli.run("--no-ui", config.toString());
    assertEquals(1, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("4 consecutive failed trials"), cli.toString());
    assertTrue(cli.err().contains("the model does not converge"), cli.toString());
    assertEquals(4, csvRows(dir.resolve("results_0")).size(), "failed trials are recorded");
    assertTrue(Files.readString(dir.resolve("results_0/logs/trial_0.txt")).contains("IllegalStateException"));
  }
}
