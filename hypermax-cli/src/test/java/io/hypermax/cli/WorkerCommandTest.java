package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.executors.internal.storage.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypermax CONFIG --storage}, {@code hypermax worker} and {@code hypermax study export|import} on a real PostgreSQL 15. */
@Tag("postgres")
class WorkerCommandTest {
  private static PostgresServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.startOrSkip();
    server.createDatabase("cli");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void startJoinExportAndImportAStudy() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 6, ""));
    String a = server.url("cli", "a", 30);

    Cli first = Cli.run(config.toString(), "--storage", a);
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("6 trials recorded by this worker; the study is finished"), first.toString());
    assertTrue(Files.isDirectory(dir.resolve("results_worker_" + ProcessHandle.current().pid()).resolve("logs")), first.toString());

    Cli more = Cli.run("worker", config.toString(), "--storage", a, "--iterations", "10", "--work-dir", dir.resolve("w2").toString());
    assertEquals(0, more.exitCode(), more.toString());
    assertTrue(more.out().contains("4 trials recorded by this worker"), more.toString());

    Path exported = dir.resolve("exported");
    Cli export = Cli.run("study", "export", config.toString(), exported.toString(), "--storage", a);
    assertEquals(0, export.exitCode(), export.toString());
    assertEquals(11, Files.readAllLines(exported.resolve("results.csv")).size(), "header + 10 trials");
    assertTrue(Files.exists(exported.resolve("best.json")));

    String b = server.url("cli", "b", 30);
    Cli imported = Cli.run("study", "import", config.toString(), exported.toString(), "--storage", b);
    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(imported.out().contains("imported 10 finished trials"), imported.toString());
    Cli rest = Cli.run("worker", config.toString(), "--storage", b, "--iterations", "12", "--work-dir", dir.resolve("w3").toString());
    assertEquals(0, rest.exitCode(), rest.toString());
    assertTrue(rest.out().contains("2 trials recorded by this worker"), rest.toString());
  }

  @Test
  void resultsFromStorageWritesTheResultsDirectoryOfTheSharedStudy() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 7, "")
        .replace("results:\n", "results:\n  graphs: false\n"));
    String url = server.url("cli", "shown", 30);
    assertEquals(0, Cli.run("worker", config.toString(), "--storage", url, "--work-dir", dir.resolve("w").toString()).exitCode());
    Path out = dir.resolve("from-db");
    Cli shown = Cli.run("results", out.toString(), "--storage", url, "--config", config.toString());
    assertEquals(0, shown.exitCode(), shown.toString());
    assertTrue(shown.out().contains("7 finished trials (7 complete)"), shown.toString());
    assertEquals(7, SearchCommandTest.csvRows(out).size());
    assertTrue(Files.exists(out.resolve("best.json")));
    assertEquals(7, DeterministicParallelTest.suggested(out).size(), "journal.jsonl holds the study");

    // Later: more trials in the study; the same command refreshes the directory (search.json found there now).
    assertEquals(0, Cli.run("worker", config.toString(), "--storage", url, "--iterations", "9",
        "--work-dir", dir.resolve("w2").toString()).exitCode());
    Cli again = Cli.run("results", out.toString(), "--storage", url);
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals(9, SearchCommandTest.csvRows(out).size());

    // A local run's directory is never overwritten.
    Path local = Files.createDirectories(dir.resolve("local"));
    Cli refused = Cli.run("results", local.toString(), "--storage", url, "--config", config.toString());
    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("was not written by results --storage"), refused.toString());
  }

  @Test
  void workersStopAfterMaxFailuresConsecutiveFailedTrials() throws Exception {
    Path config = dir.resolve("broken.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "broken", 20, "")
        .replace("method: broken", "method: broken\n  max_failures: 3"));
    String url = server.url("cli", "broken", 30);
    Cli w = Cli.run("worker", config.toString(), "--storage", url, "--work-dir", dir.resolve("wb").toString());
    assertEquals(1, w.exitCode(), w.toString());
    assertTrue(w.err().contains("stopped after 3 consecutive failed trials (max_failures 3)"), w.toString());
    // A second worker sees the study's failure streak and stops before running anything.
    Cli w2 = Cli.run("worker", config.toString(), "--storage", url, "--work-dir", dir.resolve("wb2").toString());
    assertEquals(1, w2.exitCode(), w2.toString());
    assertTrue(w2.out().contains("0 trials recorded by this worker; the study is not finished"), w2.toString());
    Cli shown = Cli.run("results", dir.resolve("broken-db").toString(), "--storage", url, "--config", config.toString());
    assertTrue(shown.out().contains("3 finished trials (0 complete)"), shown.toString());
  }

  /** search.pruner in `hypermax worker`: two workers of one study prune trials; the curves and PRUNED are in the shared study. */
  @Test
  void twoWorkersApplySearchPrunerAndRecordTheCurvesInTheSharedStudy() throws Exception {
    int iterations = 24;
    Path config = dir.resolve("pruned.yaml");
    Files.writeString(config, PruningCliTest.config(dir.resolve("results"), iterations,
        "  pruner: {type: successive_halving, min_resource: 1, reduction_factor: 2, max_resource: 20, budget_parameter: epochs}"));
    String url = server.url("cli", "pruned", 30);
    io.hypermax.core.internal.config.HypermaxConfig cfg = io.hypermax.core.internal.config.ConfigLoader.load(config);
    io.hypermax.core.internal.plugin.Plugins registry = io.hypermax.core.internal.plugin.Plugins.load();
    int[] codes = new int[2];
    java.util.List<Thread> workers = new java.util.ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int i = w;
      Path work = dir.resolve("pruned_w" + w);
      Thread t = new Thread(() -> codes[i] = WorkerCommand.work(cfg, registry, url, work,
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join(120_000);
    }
    assertEquals(0, codes[0]);
    assertEquals(0, codes[1]);
    try (io.hypermax.core.storage.SharedStudyStorage s =
        new io.hypermax.executors.internal.storage.postgres.PostgresStorageProvider().open(url)) {
      io.hypermax.core.storage.StoredStudy stored = s.load();
      assertEquals(iterations, stored.finished().size(), "exactly the budget");
      long pruned = stored.finished().stream().filter(t -> t.status() == io.hypermax.core.trial.TrialStatus.PRUNED).count();
      assertTrue(pruned >= iterations / 4, "pruned: " + pruned + " of " + stored.finished());
      assertTrue(stored.finished().stream().anyMatch(t -> t.status() == io.hypermax.core.trial.TrialStatus.COMPLETE));
      assertEquals(iterations, io.hypermax.core.history.LearningCurves.of(stored).size(), "every trial's curve is stored");
    }
    Path out = dir.resolve("pruned_results");
    assertEquals(0, Cli.run("results", out.toString(), "--storage", url, "--config", config.toString()).exitCode());
    assertTrue(Files.readString(out.resolve("results.csv")).contains("PRUNED"));
    assertTrue(Files.readAllLines(out.resolve("intermediate.csv")).size() > iterations, "intermediate.csv from the shared study");
  }

  /** Two workers (two threads of parallel 2 each) under search.deterministic: the same seed gives the same TPE trials. */
  @Test
  void aDeterministicSharedStudyIsReproducibleAcrossWorkers() throws Exception {
    Path config = dir.resolve("det.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "tpe", "jitterBowl", 30, "  deterministic: true")
        .replace("method: jitterBowl", "method: jitterBowl\n  parallel: 2")
        .replace("results:\n", "results:\n  graphs: false\n"));
    java.util.List<java.util.Map<Integer, com.fasterxml.jackson.databind.JsonNode>> runs = new java.util.ArrayList<>();
    for (String study : java.util.List.of("det_a", "det_b")) {
      String url = server.url("cli", study, 30);
      io.hypermax.core.internal.config.HypermaxConfig cfg = io.hypermax.core.internal.config.ConfigLoader.load(config);
      io.hypermax.core.internal.plugin.Plugins registry = io.hypermax.core.internal.plugin.Plugins.load();
      java.util.List<Thread> workers = new java.util.ArrayList<>();
      int[] codes = new int[2];
      for (int w = 0; w < 2; w++) {
        int i = w;
        Path work = dir.resolve(study + "_w" + w);
        Thread t = new Thread(() -> codes[i] = WorkerCommand.work(cfg, registry, url, work,
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), 4));
        workers.add(t);
        t.start();
      }
      for (Thread t : workers) {
        t.join(120_000);
      }
      assertEquals(0, codes[0]);
      assertEquals(0, codes[1]);
      Path out = dir.resolve(study + "_results");
      assertEquals(0, Cli.run("results", out.toString(), "--storage", url, "--config", config.toString()).exitCode());
      runs.add(DeterministicParallelTest.suggested(out));
    }
    assertEquals(30, runs.get(0).size());
    assertEquals(runs.get(0), runs.get(1), "the same trials, whichever worker ran them and in whatever order they finished");
  }

  @Test
  void aBadStorageUrlIsAOneLineConfigError() throws Exception {
    Path config = dir.resolve("search.yaml");
    Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "bowl", 3, ""));
    Cli bad = Cli.run("worker", config.toString(), "--storage", server.url("cli", "c", 30) + "&colour=blue");
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("unknown parameter(s) [colour]"), bad.toString());
    Cli noScheme = Cli.run("worker", config.toString(), "--storage", "mongodb://x/y");
    assertEquals(2, noScheme.exitCode(), noScheme.toString());
    assertTrue(noScheme.err().contains("no storage backend for 'mongodb'"), noScheme.toString());
  }
}
