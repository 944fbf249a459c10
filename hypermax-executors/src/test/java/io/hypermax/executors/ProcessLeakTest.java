package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.runOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.executors.internal.process.TrialCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No process carrying a trial's cookie survives the trial, however it ends: complete, failed,
 * killed for auto_kill_max_time, or interrupted because the search stops. Each trial detaches a
 * grandchild with a double fork and setsid first, which the descendant walk alone cannot find.
 */
class ProcessLeakTest {
  @TempDir Path dir;
  /** A sleep length no other process uses, to find the detached processes by their command line too. */
  private final String marker = "1000." + (System.nanoTime() % 1_000_000_000L);

  /** Detaches {@code sleep 1000} out of the tree, writes the cookie, then does {@code rest}. */
  private Executor trial(String rest, String extra) {
    String script = "(setsid sleep " + marker + " &); (sleep " + marker + "1 &); echo $" + TrialCookie.ENV + " > cookie.txt; " + rest;
    return create("{\"type\":\"executable\",\"command\":[\"sh\",\"-c\",\"" + script + "\"]" + extra + "}", dir, dir);
  }

  private TrialCookie cookie() throws Exception {
    return TrialCookie.of(Files.readString(dir.resolve("cookie.txt")).strip());
  }

  private void assertNoCarrierSurvives(TrialCookie cookie) {
    List<ProcessHandle> detached = ProcessHandle.allProcesses()
        .filter(h -> h.info().commandLine().orElse("").contains("sleep " + marker))
        .filter(h -> !h.info().commandLine().orElse("").contains("sh -c"))
        .toList();
    detached.forEach(ProcessHandle::destroyForcibly);
    assertTrue(detached.isEmpty(), "detached processes survived the trial: " + detached);
    assertTrue(cookie.value().length() >= 32, "the trial's processes carry a cookie: '" + cookie.value() + "'");
    List<ProcessHandle> left = cookie.carriers();
    left.forEach(ProcessHandle::destroyForcibly); // do not leak from a failing test either
    assertTrue(left.isEmpty(), "processes left carrying the trial's cookie: " + left.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
  }

  @Test
  void aCompletedTrialLeavesNoDetachedProcess() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
    TrialResult r = runOne(trial("echo 0.5", ""), Map.of(), dir);
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    assertNoCarrierSurvives(cookie());
  }

  @Test
  void aFailedTrialLeavesNoDetachedProcess() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
    TrialResult r = runOne(trial("exit 3", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertNoCarrierSurvives(cookie());
  }

  @Test
  void aTrialKilledForItsTimeLimitLeavesNoDetachedProcess() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
    TrialResult r = runOne(trial("sleep 30; echo 1", ",\"auto_kill_max_time\":0.5,\"auto_kill_loss\":9"), Map.of(), dir);
    assertEquals(TrialStatus.KILLED, r.status(), r.error());
    assertNoCarrierSurvives(cookie());
  }

  @Test
  void anInterruptedTrialLeavesNoDetachedProcess() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
    Executor executor = trial("sleep 30; echo 1", "");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        runOne(executor, Map.of(), dir);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    worker.start();
    Path file = dir.resolve("cookie.txt");
    for (int i = 0; i < 500 && !(Files.exists(file) && Files.size(file) > 30); i++) {
      Thread.sleep(10);
    }
    Thread.sleep(100); // let the detached processes start
    worker.interrupt();
    worker.join(10_000);
    assertTrue(!worker.isAlive(), "the trial ended after the interrupt");
    assertTrue(thrown.get() instanceof InterruptedException, "the interrupt is rethrown: " + thrown.get());
    assertNoCarrierSurvives(cookie());
  }
}
