package io.hypermax.executors.internal.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.study.Journal;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A java_function that calls System.exit takes the JVM with it, but its trial is journaled as
 * FAILED with "the function called System.exit" first, and no further trial runs.
 */
class SystemExitInFunctionTest {
  @TempDir Path dir;

  @Test
  void aFunctionThatCallsSystemExitIsJournaledAsFailed() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ExitingSearchMain.class.getName(), dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
    assertEquals(3, p.exitValue(), "the function's exit code ends the JVM: " + Files.readString(dir.resolve("child.txt")));
    StoredStudy state = Journal.read(dir);
    List<Trial> finished = state.finished();
    assertEquals(3, finished.size(), "two completed trials and the exiting one: " + finished);
    Trial exited = finished.get(2);
    assertEquals(TrialStatus.FAILED, exited.status());
    assertTrue(exited.result().error().startsWith("the function called System.exit"), exited.result().error());
    // The study journals a trial's start before it calls the executor, so the next trial may be
    // journaled as started; the executor holds it, so it never runs and resume treats it as abandoned.
    assertTrue(state.abandoned().size() <= 1, "at most the next trial was started: " + state.abandoned());
    assertTrue(Files.readString(dir.resolve("logs/trial_2.txt")).contains("System.exit"));
  }
}
