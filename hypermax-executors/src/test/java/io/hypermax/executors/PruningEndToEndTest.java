package io.hypermax.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of function reports intermediate values and is pruned: java_function, java_process,
 * python_function and executables (a program that reads the reply file, and one that ignores it and
 * gets SIGTERM after the grace period). The pruner stops every trial at step 3.
 */
class PruningEndToEndTest {
  static final SearchSpace SPACE = new SearchSpace(List.of(Parameter.of("x", NumberDistribution.uniform(0, 1))));
  static final Pruner AT_STEP_3 = request -> request.step() >= 3;

  @TempDir Path dir;

  /** Runs one trial of {@code executor} in a study with the step-3 pruner; returns the trial and the study's curve of it. */
  private Outcome runPruned(Executor executor, double graceSeconds) throws Exception {
    PrunerSettings settings = new PrunerSettings("test", null, graceSeconds, io.hypermax.core.config.ConfigNode.empty(null, "search.pruner"));
    try (Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(3).iterations(1)
        .storage(new InMemoryStorage()).pruner(AT_STEP_3, settings).build(); executor) {
      Study.Outcome outcome = study.run(executor, 1, dir.resolve("logs"));
      Trial t = outcome.snapshot().finished().get(0);
      Path log = dir.resolve("logs/trial_0.txt");
      return new Outcome(t, study.curves().get(t.number()), Files.exists(log) ? Files.readString(log) : "");
    }
  }

  record Outcome(Trial trial, LearningCurve curve, String log) {}

  private static void assertPrunedAtStep3(Outcome o) {
    TrialResult r = o.trial().result();
    assertEquals(TrialStatus.PRUNED, o.trial().status(), r.error() + "\n" + o.log());
    assertEquals(3, r.prunedStep());
    double x = ((Number) o.trial().flatParameters().get("x")).doubleValue();
    assertEquals(x + 1.0 / 3, r.loss(), 1e-9, "the last reported value");
    assertEquals(3, o.curve().size(), "steps 1..3 were reported before the decision");
    assertEquals(x + 1.0, o.curve().value(0), 1e-9);
  }

  private Executor java(String type, String method) {
    return Executors.create(
        "{\"type\":\"" + type + "\",\"class\":\"" + PruningModels.class.getName() + "\",\"method\":\"" + method + "\"}", dir, dir);
  }

  @Test
  void aJavaFunctionReportsThroughItsHandleAndIsPruned() throws Exception {
    Outcome o = runPruned(java("java_function", "epochs"), 10);
    assertPrunedAtStep3(o);
    assertFalse(o.log().contains("Exception"), o.log());
  }

  @Test
  void aJavaFunctionThatThrowsTrialPrunedIsPrunedNotFailed() throws Exception {
    assertPrunedAtStep3(runPruned(java("java_function", "throwing"), 10));
  }

  @Test
  void aJavaProcessReportsOverTheLineProtocolAndHearsTheDecision() throws Exception {
    Outcome o = runPruned(java("java_process", "epochs"), 10);
    assertPrunedAtStep3(o);
    assertTrue(o.log().contains("heard prune at 3"), o.log());
    assertFalse(o.log().contains("sending SIGTERM"), "it stopped by itself: " + o.log());
  }

  @Test
  void aPythonFunctionReportsWithHypermaxReportAndIsPruned() throws Exception {
    Files.writeString(dir.resolve("model.py"), """
        import hypermax

        def train(params):
            x = params["x"]
            for epoch in range(1, 11):
                if hypermax.report(epoch, x + 1.0 / epoch):
                    print("heard prune at", epoch)
                    raise hypermax.TrialPruned()
            return x
        """);
    Executor python = Executors.create(
        "{\"type\":\"python_function\",\"python\":\"" + Executors.PYTHON + "\",\"module\":\"model\",\"name\":\"train\"}", dir, dir);
    Outcome o = runPruned(python, 10);
    assertPrunedAtStep3(o);
    assertTrue(o.log().contains("heard prune at 3"), o.log());
  }

  @Test
  void anExecutableReadsTheReplyFileAndStops() throws Exception {
    Path script = dir.resolve("train.sh");
    Files.writeString(script, """
        #!/bin/sh
        x=$1
        i=1
        while [ $i -le 10 ]; do
          v=$(awk -v x="$x" -v i="$i" 'BEGIN { printf "%.17g", x + 1 / i }')
          echo "hypermax:report $i $v"
          until grep -q "^$i " "$HYPERMAX_REPORT_REPLY"; do sleep 0.01; done
          if grep -q "^$i prune" "$HYPERMAX_REPORT_REPLY"; then echo "heard prune at $i"; exit 0; fi
          i=$((i+1))
        done
        echo "$x"
        """);
    script.toFile().setExecutable(true);
    Outcome o = runPruned(Executors.create("{\"type\":\"executable\",\"command\":[\"./train.sh\",\"{x}\"]}", dir, dir), 10);
    assertPrunedAtStep3(o);
    assertTrue(o.log().contains("heard prune at 3"), o.log());
  }

  /** The file channel: STEP VALUE lines appended to $HYPERMAX_REPORT_FILE, stdout left to the program's own output. */
  @Test
  void anExecutableAppendsReportsToTheReportFileAndIsPruned() throws Exception {
    Path script = dir.resolve("quiet.sh");
    Files.writeString(script, """
        #!/bin/sh
        x=$1
        i=1
        while [ $i -le 10 ]; do
          v=$(awk -v x="$x" -v i="$i" 'BEGIN { printf "%.17g", x + 1 / i }')
          echo "epoch $i: $v (progress output, not a report)"
          echo "$i $v" >> "$HYPERMAX_REPORT_FILE"
          until grep -q "^$i " "$HYPERMAX_REPORT_REPLY"; do sleep 0.01; done
          if grep -q "^$i prune" "$HYPERMAX_REPORT_REPLY"; then echo "heard prune at $i"; exit 0; fi
          i=$((i+1))
        done
        echo "$x"
        """);
    script.toFile().setExecutable(true);
    Outcome o = runPruned(Executors.create("{\"type\":\"executable\",\"command\":[\"./quiet.sh\",\"{x}\"]}", dir, dir), 10);
    assertPrunedAtStep3(o);
    assertTrue(o.log().contains("heard prune at 3"), o.log());
    assertTrue(o.log().contains("epoch 1:"), "stdout stays the program's: " + o.log());
  }

  @Test
  void aBadLineInTheReportFileIsNotedAndIgnored() throws Exception {
    Path script = dir.resolve("badfile.sh");
    Files.writeString(script, "#!/bin/sh\necho 'one 0.5' >> \"$HYPERMAX_REPORT_FILE\"\necho '1 0.75' >> \"$HYPERMAX_REPORT_FILE\"\necho 0.25\n");
    script.toFile().setExecutable(true);
    try (Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(3).iterations(1)
        .pruner(AT_STEP_3, PrunerSettings.NONE).build();
        Executor e = Executors.create("{\"type\":\"executable\",\"command\":[\"./badfile.sh\"]}", dir, dir)) {
      Trial t = study.run(e, 1, dir.resolve("logs")).snapshot().finished().get(0);
      assertEquals(TrialStatus.COMPLETE, t.status(), t.result().error());
      assertEquals(0.25, t.loss());
      assertTrue(Files.readString(dir.resolve("logs/trial_0.txt")).contains("the step of a report line must be an integer"));
      LearningCurve c = study.curves().get(0);
      assertEquals(1, c.size(), "the good line of the file was reported (read after the program ended)");
      assertEquals(0.75, c.value(0));
    }
  }

  @Test
  void anExecutableThatIgnoresTheDecisionGetsSigtermAfterTheGracePeriod() throws Exception {
    Path script = dir.resolve("stubborn.sh");
    Files.writeString(script, """
        #!/bin/sh
        trap 'echo "got SIGTERM"; exit 143' TERM
        x=$1
        i=1
        while :; do
          v=$(awk -v x="$x" -v i="$i" 'BEGIN { printf "%.17g", x + 1 / i }')
          echo "hypermax:report $i $v"
          sleep 0.05
          i=$((i+1))
        done
        """);
    script.toFile().setExecutable(true);
    Outcome o = runPruned(Executors.create("{\"type\":\"executable\",\"command\":[\"./stubborn.sh\",\"{x}\"]}", dir, dir), 0.3);
    assertPrunedAtStep3(o);
    assertTrue(o.log().contains("sending SIGTERM"), o.log());
    assertTrue(o.log().contains("got SIGTERM"), o.log());
  }

  @Test
  void aBadReportLineIsNotedInTheLogAndIgnored() throws Exception {
    Path script = dir.resolve("bad.sh");
    Files.writeString(script, "#!/bin/sh\necho 'hypermax:report one 0.5'\necho 0.25\n");
    script.toFile().setExecutable(true);
    try (Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(3).iterations(1)
        .pruner(AT_STEP_3, PrunerSettings.NONE).build();
        Executor e = Executors.create("{\"type\":\"executable\",\"command\":[\"./bad.sh\"]}", dir, dir)) {
      Trial t = study.run(e, 1, dir.resolve("logs")).snapshot().finished().get(0);
      assertEquals(TrialStatus.COMPLETE, t.status(), t.result().error());
      assertEquals(0.25, t.loss(), "the report line is not the result line");
      assertTrue(Files.readString(dir.resolve("logs/trial_0.txt")).contains("the step of a report line must be an integer"));
    }
  }
}
