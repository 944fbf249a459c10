package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.executors.internal.slurm.SlurmCluster;
import io.hypermax.executors.internal.storage.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a real single-node Slurm 22.05 (and PostgreSQL 15 for the job array), both started
 * here on loopback; skipped, saying why, where they cannot start.
 */
@Tag("slurm")
class SlurmCliTest {
  private static SlurmCluster cluster;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    cluster = SlurmCluster.startOrSkip();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private Path slurmSearch(String command, int iterations, String extra) throws Exception {
    Path config = dir.resolve("slurm.yaml");
    Files.writeString(config, String.join("\n",
        "hyperparameters: {type: object, properties: {x: {type: number, min: 0, max: 1}}}",
        "function:",
        "  type: slurm",
        "  command: " + command,
        "  partition: debug",
        "  env: {SLURM_CONF: " + cluster.conf + "}",
        extra,
        "search: {method: random, iterations: " + iterations + ", seed: 4}",
        "results: {directory: " + dir.resolve("results") + ", graphs: false}",
        ""));
    return config;
  }

  @Test
  void aSearchWithFunctionTypeSlurmCompletes() throws Exception {
    Cli run = Cli.run("--no-ui", slurmSearch("\"sh -c 'echo computing; echo $0' {x}\"", 3, "").toString());
    assertEquals(0, run.exitCode(), run.toString());
    List<String> rows = SearchCommandTest.csvRows(dir.resolve("results_0"));
    assertEquals(3, rows.size(), rows.toString());
    rows.forEach(r -> assertTrue(r.contains(",COMPLETE,") || r.contains("COMPLETE"), r));
    assertTrue(Files.readString(dir.resolve("results_0/logs/trial_0.txt")).contains("computing"));
  }

  @Test
  void autoKillMaxTimeCancelsTheJobWithinTheLimitPlusTwoSeconds() throws Exception {
    long t0 = System.nanoTime();
    Cli run = Cli.run("--no-ui", slurmSearch("sleep 60", 1, "  auto_kill_max_time: 3\n  auto_kill_loss: 100").toString());
    double took = (System.nanoTime() - t0) / 1e9;
    String csv = Files.readString(dir.resolve("results_0/results.csv"));
    assertTrue(csv.contains("KILLED"), csv + "\n" + run);
    // The whole CLI run (start-up, sbatch, the 3 s limit, scancel, results) stays within the limit + 2 s,
    // so the job was cancelled within it; squeue confirms it is gone.
    assertTrue(took <= 3 + 2, "the search took " + took + " s");
    assertEquals("", cluster.output("squeue", "-h", "-t", "PENDING,RUNNING", "-o", "%i %T"), "jobs left in the queue");
  }

  @Test
  void aJobArrayOfTwoWorkersWithPostgresqlCompletesAStudy() throws Exception {
    try (PostgresServer pg = PostgresServer.startOrSkip()) {
      pg.createDatabase("slurm");
      String url = pg.url("slurm", "array", 30);
      Path config = dir.resolve("search.yaml");
      Files.writeString(config, SearchCommandTest.config(dir.resolve("results"), "random", "quickBowl", 12, "")
          .replace("results:\n", "results:\n  graphs: false\n"));
      Path work = dir.resolve("array");
      Cli submit = Cli.run("slurm-workers", config.toString(), "--storage", url, "--workers", "2", "--partition", "debug",
          "--env", "SLURM_CONF=" + cluster.conf, "--work-dir", work.toString(), "--wait");
      assertEquals(0, submit.exitCode(), submit.toString());
      assertTrue(submit.out().contains("the study is finished"), submit.toString());
      Path out = dir.resolve("from-db");
      Cli shown = Cli.run("results", out.toString(), "--storage", url, "--config", config.toString());
      assertTrue(shown.out().contains("12 finished trials (12 complete)"), shown.toString());
      // Both array tasks ran as workers of the study.
      int tasks = 0;
      try (var files = Files.list(work)) {
        for (Path f : files.filter(p -> p.getFileName().toString().startsWith("slurm_")).toList()) {
          assertTrue(Files.readString(f).contains("trials recorded by this worker; the study is finished"), Files.readString(f));
          tasks++;
        }
      }
      assertEquals(2, tasks, "one Slurm output file per array task");
    }
  }
}
