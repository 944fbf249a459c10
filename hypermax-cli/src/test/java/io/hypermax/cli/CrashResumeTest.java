package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search whose JVM is killed with SIGKILL mid-run resumes to exactly its budget, losing and repeating nothing. */
class CrashResumeTest {
  @TempDir Path dir;

  @Test
  void resumeAfterSigkillGivesExactlyTheBudget() throws Exception {
    killAndResume(2, "");
  }

  /** Group commit (the default fsync policy) with four trials at once loses and repeats nothing either. */
  @Test
  void resumeAfterSigkillWithParallelFourAndGroupCommitGivesExactlyTheBudget() throws Exception {
    killAndResume(4, "storage:\n  fsync: group\n");
  }

  @Test
  void resumeAfterSigkillWithEveryTrialFsyncGivesExactlyTheBudget() throws Exception {
    killAndResume(4, "storage:\n  fsync: every-trial\n");
  }

  private void killAndResume(int parallel, String extraConfig) throws Exception {
    int iterations = 60;
    Path config = dir.resolve("search.yaml");
    Files.writeString(
        config,
        SearchCommandTest.config(dir.resolve("results"), "random", "slowBowl", iterations, "")
            .replace("method: slowBowl", "method: slowBowl\n  parallel: " + parallel) + extraConfig);
    Path results = dir.resolve("results_0");
    Path journal = results.resolve("journal.jsonl");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--no-ui", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (endEvents(journal) < 12) {
        assertTrue(child.isAlive(), "the child search ended early: " + Files.readString(dir.resolve("child.log")));
        assertTrue(System.nanoTime() < deadline, "the child search made no progress");
        Thread.sleep(20);
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    List<String> before = Files.readAllLines(journal).stream().filter(l -> l.contains("\"event\":\"end\"")).toList();
    assertTrue(before.size() >= 12 && before.size() < iterations, "killed mid-run after " + before.size() + " trials");

    Cli resumed = Cli.run("--no-ui", config.toString(), results.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());

    List<String> rows = SearchCommandTest.csvRows(results);
    assertEquals(iterations, rows.size(), "exactly the budget");
    Set<Integer> numbers = new HashSet<>();
    for (String row : rows) {
      numbers.add(Integer.parseInt(row.substring(0, row.indexOf(','))));
    }
    assertEquals(iterations, numbers.size(), "no trial repeated");
    for (int i = 0; i < iterations; i++) {
      assertTrue(numbers.contains(i), "trial " + i + " present");
    }
    List<String> after = Files.readAllLines(journal);
    for (String end : before) {
      assertTrue(after.contains(end), "a trial completed before the kill is kept as it was: " + end);
    }
    assertTrue(rows.stream().allMatch(r -> r.contains(",COMPLETE,")));
  }

  @Test
  void sigtermStopsCleanlyKeepingEveryCompletedTrial() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "slowBowl", 500, ""));
    Path journal = dir.resolve("results_0/journal.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--no-ui", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (endEvents(journal) < 5) {
        assertTrue(System.nanoTime() < deadline && child.isAlive(), "no progress: " + Files.readString(log));
        Thread.sleep(20);
      }
      child.destroy(); // SIGTERM, as Ctrl-C or a scheduler would send
      assertTrue(child.waitFor(10, TimeUnit.SECONDS), "stops promptly");
    } finally {
      child.destroyForcibly();
    }
    assertTrue(child.exitValue() != 0, "an interrupted search does not report success");
    String output = Files.readString(log);
    assertTrue(output.contains("trials finished"), "prints where the results are: " + output);
    long ends = endEvents(journal);
    assertTrue(ends >= 5 && ends < 500);
    for (String line : Files.readAllLines(journal)) {
      assertTrue(line.startsWith("{") && line.endsWith("}"), "no torn line: " + line);
    }
    assertEquals(ends, SearchCommandTest.csvRows(dir.resolve("results_0")).size(), "results.csv has every finished trial");
  }

  private static long endEvents(Path journal) throws Exception {
    if (!Files.exists(journal)) {
      return 0;
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(journal));
    return lines.stream().filter(l -> l.contains("\"event\":\"end\"")).count();
  }
}
