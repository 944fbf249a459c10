package io.hypermax.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every executor plugin must do: parse its function's result, turn a failing function into a
 * FAILED result with the reason, and end a trial promptly when its thread is interrupted (Ctrl-C).
 * Extend it with three executors of your plugin:
 *
 * <pre>{@code
 * class MyExecutorContractTest extends ExecutorContract {
 *   protected Executor returningXPlusOne(Path dir) { ... }   // loss = x + 1, plus metadata "echo": x
 *   protected Executor failing(Path dir) { ... }             // the function raises "contract failure"
 *   protected Executor sleeping(Path dir) { ... }            // the function sleeps for a minute
 * }
 * }</pre>
 */
public abstract class ExecutorContract {
  @TempDir protected Path work;

  /** Runs a function whose result is {@code {"loss": x + 1, "echo": x}} for the parameter x. */
  protected abstract Executor returningXPlusOne(Path directory) throws Exception;

  /** Runs a function that fails with a message containing "contract failure". */
  protected abstract Executor failing(Path directory) throws Exception;

  /** Runs a function that sleeps for at least a minute. */
  protected abstract Executor sleeping(Path directory) throws Exception;

  protected TrialRequest request(int number, double x) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", x);
    return new TrialRequest(number, params, params, work.resolve("logs").resolve("trial_" + number + ".txt"), "logs/trial_" + number + ".txt");
  }

  @Test
  void aResultIsParsedWithItsLossAndMetadata() throws Exception {
    try (Executor e = returningXPlusOne(work)) {
      TrialResult r = e.run(request(0, 2.5));
      assertEquals(TrialStatus.COMPLETE, r.status(), String.valueOf(r.error()));
      assertEquals(3.5, r.loss(), 1e-9);
      assertEquals(2.5, ((Number) r.metadata().get("echo")).doubleValue(), 1e-9);
      assertTrue(r.time() >= 0, "a time is measured");
    }
  }

  @Test
  void aFailingFunctionIsAFailedTrialWithItsReason() throws Exception {
    try (Executor e = failing(work)) {
      TrialResult r = e.run(request(1, 0));
      assertEquals(TrialStatus.FAILED, r.status());
      assertNotNull(r.error());
      String log = r.log() == null ? "" : java.nio.file.Files.exists(work.resolve(r.log())) ? java.nio.file.Files.readString(work.resolve(r.log())) : "";
      assertTrue((r.error() + log).contains("contract failure"), "the reason is kept: " + r.error());
    }
  }

  @Test
  void anInterruptedTrialEndsPromptly() throws Exception {
    ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Executor e = sleeping(work)) {
      Future<TrialResult> running = pool.submit(() -> e.run(request(2, 0)));
      Thread.sleep(500);
      long start = System.nanoTime();
      pool.shutdownNow(); // interrupts the trial's thread, as stopping a search does
      try {
        TrialResult r = running.get(20, TimeUnit.SECONDS);
        assertTrue(r.status() != TrialStatus.COMPLETE, "an interrupted trial is not COMPLETE: " + r);
      } catch (java.util.concurrent.ExecutionException thrown) {
        assertTrue(thrown.getCause() instanceof InterruptedException, "ends with InterruptedException or a result: " + thrown);
      }
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "ends within 20 s of the interrupt");
    } finally {
      pool.shutdownNow();
    }
  }
}
