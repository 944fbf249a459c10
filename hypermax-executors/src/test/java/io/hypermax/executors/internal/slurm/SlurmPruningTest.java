package io.hypermax.executors.internal.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.executors.internal.executable.SlurmProvider;
import io.hypermax.optimizers.internal.pruning.MedianPrunerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning {@code function.type: slurm} trials on a real single-node Slurm (skipped when it cannot
 * start): report lines are followed in the job's output file, the decision reaches the job through
 * its reply file, and a job that ignores it gets scancel --signal=TERM after the grace period.
 */
@Tag("slurm")
class SlurmPruningTest {
  static final SearchSpace SPACE = new SearchSpace(List.of(Parameter.of("x", NumberDistribution.uniform(0, 1))));
  private static final int STEPS = 6;
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

  /**
   * Reports x + 1/step for steps 1..6, waiting (up to 10 s) for each decision in the reply file; stops
   * on "prune" unless told to ignore it (then sleeps, to be signalled).
   */
  private Path program(boolean ignoreDecisions) throws Exception {
    return program(ignoreDecisions, false);
  }

  private Path program(boolean ignoreDecisions, boolean reportFile) throws Exception {
    Path p = dir.resolve(ignoreDecisions ? "stubborn.py" : reportFile ? "quiet.py" : "curve.py");
    Files.writeString(p, """
        import os, signal, sys, time
        x = float(sys.argv[1]); reply = os.environ["HYPERMAX_REPORT_REPLY"]
        def term(signum, frame):
            open(os.path.join(os.path.dirname(sys.argv[0]), "got_sigterm"), "w").write("TERM")
            sys.exit(0)
        signal.signal(signal.SIGTERM, term)
        value = x
        for step in range(1, %d + 1):
            value = x + 1.0 / step
            if %s:
                with open(os.environ["HYPERMAX_REPORT_FILE"], "a") as f:
                    f.write("%%d %%r\\n" %% (step, value))
            else:
                print("hypermax:report %%d %%r" %% (step, value), flush=True)
            answer = None
            for _ in range(200):
                lines = open(reply).read().split("\\n")
                answer = next((l.split()[1] for l in lines if l.startswith("%%d " %% step)), None)
                if answer:
                    break
                time.sleep(0.05)
            if answer == "prune":
                if %s:
                    time.sleep(120)
                sys.exit(0)
        print(value)
        """.formatted(STEPS, reportFile ? "True" : "False", ignoreDecisions ? "True" : "False"));
    return p;
  }

  private Executor executor(Path program) {
    ObjectNode f = JsonValues.MAPPER.createObjectNode().put("type", "slurm")
        .put("command", "python3 " + program + " {x}").put("partition", "debug");
    f.putObject("env").put("SLURM_CONF", cluster.conf.toString());
    return new SlurmProvider().create(new ExecutorProvider.Context(new ConfigNode(null, "function", f), dir, dir));
  }

  private static Pruner median() {
    ConfigNode node = new ConfigNode("search.yaml", "search.pruner",
        JsonValues.toJson(Map.of("n_startup_trials", 2, "n_warmup_steps", 1)));
    return new MedianPrunerProvider().create(new PrunerProvider.Context(node, Direction.MINIMIZE, 5));
  }

  private static PrunerSettings settings(double grace) {
    return new PrunerSettings("median", null, grace, ConfigNode.empty(null, "search.pruner"));
  }

  @Test
  void aSlurmSearchWithTheMedianPrunerPrunesBadTrialsThatReport() throws Exception {
    int iterations = 8;
    try (Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(5).iterations(iterations)
        .storage(new InMemoryStorage()).pruner(median(), settings(10)).build();
        Executor e = executor(program(false))) {
      Study.Outcome outcome = study.run(e, 2, dir.resolve("logs"));
      List<Trial> finished = outcome.snapshot().finished();
      assertEquals(iterations, finished.size());
      long pruned = finished.stream().filter(t -> t.status() == TrialStatus.PRUNED).count();
      long complete = finished.stream().filter(t -> t.status() == TrialStatus.COMPLETE).count();
      assertTrue(pruned > 0, "some trials were pruned: " + finished);
      assertEquals(iterations, pruned + complete, "no trial failed: " + finished);
      for (Trial t : finished) {
        LearningCurve c = study.curves().get(t.number());
        assertTrue(c != null && c.size() > 0, "trial " + t.number() + " reported from its Slurm job");
        double x = ((Number) t.flatParameters().get("x")).doubleValue();
        assertEquals(x + 1.0, c.value(0), 1e-9, "step 1 of trial " + t.number());
        if (t.status() == TrialStatus.PRUNED) {
          assertTrue(c.size() < STEPS, "pruned trial " + t.number() + " stopped early: " + c.size() + " steps");
          assertEquals(c.lastStep(), t.result().prunedStep());
          assertEquals(c.lastValue(), t.result().loss(), 1e-9);
        } else {
          assertEquals(STEPS, c.size(), "a complete trial reported every step");
          assertEquals(x + 1.0 / STEPS, t.result().loss(), 1e-9);
        }
      }
    }
  }

  @Test
  void aSlurmJobReportsThroughTheReportFileAndIsPruned() throws Exception {
    Pruner atStep3 = request -> request.step() >= 3;
    try (Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(5).iterations(1)
        .storage(new InMemoryStorage()).pruner(atStep3, settings(10)).build();
        Executor e = executor(program(false, true))) {
      Trial t = study.run(e, 1, dir.resolve("logs")).snapshot().finished().get(0);
      assertEquals(TrialStatus.PRUNED, t.status(), String.valueOf(t.result().error()));
      assertEquals(3, t.result().prunedStep());
      assertEquals(3, study.curves().get(0).size());
      assertFalse(Files.readString(dir.resolve("logs/trial_0.txt")).contains("hypermax:report"), "nothing reported on stdout");
    }
  }

  @Test
  void aPrunedJobThatIgnoresTheDecisionIsCancelledWithSigtermAfterTheGracePeriod() throws Exception {
    Pruner atStep2 = request -> request.step() >= 2;
    try (Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(5).iterations(1)
        .storage(new InMemoryStorage()).pruner(atStep2, settings(1)).build();
        Executor e = executor(program(true))) {
      long t0 = System.nanoTime();
      Study.Outcome outcome = study.run(e, 1, dir.resolve("logs"));
      double took = (System.nanoTime() - t0) / 1e9;
      Trial t = outcome.snapshot().finished().get(0);
      assertEquals(TrialStatus.PRUNED, t.status(), String.valueOf(t.result().error()));
      assertEquals(2, t.result().prunedStep());
      assertTrue(took < 60, "the job sleeping 120 s after its decision was signalled; took " + took + " s");
      assertTrue(Files.exists(dir.resolve("got_sigterm")), "the job got SIGTERM (scancel --signal=TERM), not only a kill");
      String left = "?";
      for (int i = 0; i < 30 && !left.isEmpty(); i++) {
        left = cluster.output("squeue", "-h", "-t", "PENDING,RUNNING", "-o", "%i %T");
        Thread.sleep(100);
      }
      assertEquals("", left, "jobs still in the queue");
      assertFalse(Files.readString(dir.resolve("logs/trial_0.txt")).contains("Traceback"),
          Files.readString(dir.resolve("logs/trial_0.txt")));
    }
  }
}
