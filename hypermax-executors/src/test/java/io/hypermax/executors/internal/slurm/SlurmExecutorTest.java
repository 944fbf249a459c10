package io.hypermax.executors.internal.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.executors.internal.executable.SlurmProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code function.type: slurm} on a real single-node Slurm 22.05 started here (skipped when it cannot start). */
@Tag("slurm")
class SlurmExecutorTest {
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

  private Executor executor(String command, Double maxTime) {
    ObjectNode f = JsonValues.MAPPER.createObjectNode().put("type", "slurm").put("command", command).put("partition", "debug");
    f.putObject("env").put("SLURM_CONF", cluster.conf.toString());
    if (maxTime != null) {
      f.put("auto_kill_max_time", maxTime).put("auto_kill_loss", 100);
    }
    return new SlurmProvider().create(new ExecutorProvider.Context(new ConfigNode(null, "function", f), dir, dir));
  }

  private TrialResult run(Executor e, int n, double x) throws Exception {
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    return e.run(new TrialRequest(n, Map.of("x", x), Map.of("x", x), logs.resolve("trial_" + n + ".txt"), "logs/trial_" + n + ".txt"));
  }

  @Test
  void aTrialRunsAsASlurmJobAndItsOutputIsTheLog() throws Exception {
    try (Executor e = executor("sh -c 'echo computing; echo $0' {x}", null)) {
      TrialResult r = run(e, 0, 1.25);
      assertEquals(TrialStatus.COMPLETE, r.status(), String.valueOf(r.error()));
      assertEquals(1.25, r.loss(), 1e-12);
      assertTrue(Files.readString(dir.resolve("logs/trial_0.txt")).contains("computing"));
    }
  }

  @Test
  void aParameterValueIsNeverRunByAShell() throws Exception {
    try (Executor e = executor("echo {x}", null)) {
      TrialResult r = run(e, 1, 2.5);
      assertEquals(2.5, r.loss(), 1e-12);
    }
  }

  @Test
  void autoKillMaxTimeCancelsTheJobWithinTheLimitPlusTwoSeconds() throws Exception {
    try (Executor e = executor("sleep 60", 3.0)) {
      long t0 = System.nanoTime();
      TrialResult r = run(e, 2, 0);
      double took = (System.nanoTime() - t0) / 1e9;
      assertTrue(r.status() != TrialStatus.COMPLETE, "status " + r.status());
      assertEquals(100, r.loss(), 1e-12, "a killed trial reports auto_kill_loss");
      assertTrue(took <= 3.0 + 2.0, "took " + took + " s");
      assertTrue(String.valueOf(r.error()).contains("cancelled"), String.valueOf(r.error()));
      // scancel took effect: within 2 s no job of ours is pending or running any more.
      String left = "?";
      for (int i = 0; i < 20 && !left.isEmpty(); i++) {
        left = cluster.output("squeue", "-h", "-t", "PENDING,RUNNING", "-o", "%i %T");
        Thread.sleep(100);
      }
      assertEquals("", left, "jobs still in the queue");
    }
  }
}
