package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a results directory: what is left by an early crash resumes, what could be abused is refused. */
class ResumeHardeningTest {
  @TempDir Path dir;

  private Path config(int iterations) throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", iterations, "").replace("results:\n", "results:\n  graphs: false\n"));
    return config;
  }

  private static void assertExactlyTheBudget(Path results, int iterations) throws Exception {
    List<String> rows = SearchCommandTest.csvRows(results);
    assertEquals(iterations, rows.size(), rows.toString());
    assertEquals(iterations, rows.stream().map(r -> r.substring(0, r.indexOf(','))).distinct().count(), "no trial twice");
  }

  /** A search killed within milliseconds of making its directory leaves one of these behind. */
  @Test
  void resumingADirectoryKilledBeforeItsFirstTrialStartsTheSearch() throws Exception {
    Path config = config(6);
    for (String leftover : List.of("", ".lock", "journal.jsonl", "search.json")) {
      Path results = Files.createDirectories(dir.resolve("early_" + leftover.replace('.', '_')));
      if (!leftover.isEmpty()) {
        Files.writeString(results.resolve(leftover), leftover.equals("search.json") ? "{\"hyperparameters\": {}}" : "");
      }
      Cli resumed = Cli.run("--no-ui", config.toString(), results.toString());
      assertEquals(0, resumed.exitCode(), leftover + ": " + resumed);
      assertExactlyTheBudget(results, 6);
    }
  }

  @Test
  void resumingAFolderThatIsNotAResultsDirectoryIsRefused() throws Exception {
    Path config = config(3);
    Path notes = Files.createDirectories(dir.resolve("my-notes"));
    Files.writeString(notes.resolve("todo.txt"), "keep me");
    Cli resumed = Cli.run("--no-ui", config.toString(), notes.toString());
    assertEquals(ErrorHandler.CONFIG_ERROR, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.err().contains("has no journal.jsonl"), resumed.toString());
    assertEquals(List.of("todo.txt"), Files.list(notes).map(p -> p.getFileName().toString()).toList(), "nothing written into it");
  }

  @Test
  void aSymlinkedJournalLockOrResultsFileIsRefusedOnResume() throws Exception {
    Path config = config(3);
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    Path results = dir.resolve("results_0");
    for (String name : List.of("journal.jsonl", ".lock", "results.csv", "best.json")) {
      Path target = dir.resolve("elsewhere-" + name);
      Files.writeString(target, "not yours\n");
      Path file = results.resolve(name);
      Path saved = dir.resolve("saved-" + name);
      Files.move(file, saved);
      Files.createSymbolicLink(file, target);
      Cli resumed = Cli.run("--no-ui", "--iterations", "5", config.toString(), results.toString());
      assertEquals(ErrorHandler.CONFIG_ERROR, resumed.exitCode(), name + ": " + resumed);
      assertTrue(resumed.err().contains(name) && resumed.err().contains("symbolic link"), resumed.toString());
      assertEquals("not yours\n", Files.readString(target), "the link's target is untouched");
      Files.delete(file);
      Files.move(saved, file);
    }
    assertEquals(0, Cli.run("--no-ui", "--iterations", "5", config.toString(), results.toString()).exitCode(), "resumes once the links are gone");
    assertExactlyTheBudget(results, 5);
  }

  @Test
  void staleTrialTempFoldersOfAKilledSearchAreSweptOnTheNextStart() throws Exception {
    Path config = config(3);
    assertEquals(0, Cli.run("--no-ui", config.toString()).exitCode());
    Path results = dir.resolve("results_0");
    Path stale = Files.createDirectories(results.resolve(".trial-tmp/hypermax-trial-2-123456"));
    Files.writeString(stale.resolve("params.json"), "{}");
    assertEquals(0, Cli.run("--no-ui", "--iterations", "4", config.toString(), results.toString()).exitCode());
    assertFalse(Files.exists(stale), "swept");
    assertExactlyTheBudget(results, 4);
  }

  @Test
  void aSearchRefusedBeforeItsFirstTrialLeavesNoResultsDirectory() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "noSuchMethod", 3, ""));
    Cli run = Cli.run("--no-ui", config.toString());
    assertEquals(ErrorHandler.CONFIG_ERROR, run.exitCode(), run.toString());
    assertFalse(Files.exists(dir.resolve("results_0")), "no empty directory left: " + run);
  }
}
