package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search.pruner through the CLI: a successive-halving search killed with SIGKILL mid-run resumes with
 * every intermediate value and pruning decision it had journaled; pruned trials are PRUNED in
 * results.csv, intermediate.csv and the learning-curve chart are written, and the progress lines count them.
 */
class PruningCliTest {
  @TempDir Path dir;

  static String config(Path results, int iterations, String pruner) {
    return SearchCommandTest.config(results, "random", "epochs", iterations, pruner)
        .replace("method: epochs", "method: epochs\n  parallel: 2");
  }

  @Test
  void prunedTrialsAndTheirCurvesSurviveSigkillAndResume() throws Exception {
    int iterations = 40;
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, config(dir.resolve("results"), iterations,
        "  pruner: {type: successive_halving, min_resource: 1, reduction_factor: 2, max_resource: 20, budget_parameter: epochs}"));
    Path results = dir.resolve("results_0");
    Path journal = results.resolve("journal.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--no-ui", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (count(journal, "\"event\":\"prune\"") < 4 || count(journal, "\"event\":\"end\"") < 8) {
        assertTrue(child.isAlive(), "the child search ended early: " + Files.readString(dir.resolve("child.log")));
        assertTrue(System.nanoTime() < deadline, "the child search made no progress");
        Thread.sleep(10);
      }
      child.destroyForcibly(); // SIGKILL
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    List<String> before = Files.readAllLines(journal);
    List<String> kept = before.subList(0, before.size() - 1).stream() // the last line may be torn
        .filter(l -> l.contains("\"event\":\"prune\"") || l.contains("\"status\":\"PRUNED\"")).toList();
    assertTrue(before.get(0).contains("\"version\":2"), before.get(0));

    Cli resumed = Cli.run("--no-ui", config.toString(), results.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains(" pruned) "), "the progress lines count pruned trials: " + resumed.out());

    List<String> after = Files.readAllLines(journal);
    for (String line : kept) {
      assertTrue(after.contains(line), "kept across the crash: " + line);
    }
    Map<Integer, String> status = new HashMap<>();
    for (String row : SearchCommandTest.csvRows(results)) {
      String[] cells = row.split(",");
      status.put(Integer.parseInt(cells[0]), cells[1]);
    }
    assertEquals(iterations, status.size(), "exactly the budget");
    for (String line : kept) {
      if (line.contains("\"event\":\"prune\"")) {
        int trial = Integer.parseInt(line.replaceAll(".*\"trial\":(\\d+).*", "$1"));
        assertEquals("PRUNED", status.get(trial), "a decision made before the kill stands: trial " + trial);
      }
    }
    assertTrue(status.values().stream().filter("PRUNED"::equals).count() >= iterations / 3, status.toString());
    assertTrue(status.containsValue("COMPLETE"), status.toString());

    List<String> intermediate = Files.readAllLines(results.resolve("intermediate.csv"));
    assertEquals("trial,status,step,value", intermediate.get(0));
    long reports = after.stream().filter(l -> l.contains("\"event\":\"intermediate\"")).count();
    assertTrue(intermediate.size() - 1 <= reports && intermediate.stream().anyMatch(l -> l.contains(",PRUNED,")));
    assertTrue(Files.size(results.resolve("learning_curves.png")) > 5_000);
    assertTrue(Files.readString(results.resolve("report.html")).contains("\"curves\":[{"));

    // The budget parameter told every trial its epochs: no trial reported beyond max_resource.
    assertTrue(intermediate.stream().skip(1).allMatch(l -> Integer.parseInt(l.split(",")[2]) <= 20));
    assertTrue(intermediate.stream().anyMatch(l -> l.contains(",COMPLETE,20,")));
  }

  private static long count(Path journal, String needle) throws Exception {
    if (!Files.exists(journal)) {
      return 0;
    }
    return Files.readAllLines(journal).stream().filter(l -> l.contains(needle)).count();
  }
}
