package io.hypermax.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.storage.StoredStudy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** stop() ends a run promptly, whether its trial runs on the loop thread (parallel 1) or on workers. */
class StudyStopTest {

  private static Study.Outcome stopWhileATrialSleeps(int parallel, InMemoryStorage storage) throws Exception {
    storage.recordStudy(4);
    AtomicInteger calls = new AtomicInteger();
    try (Study study = Study.builder(StudyTest.SPACE, new PriorSampler()).seed(4).iterations(50).storage(storage).build()) {
      Thread stopper = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          return;
        }
        study.stop();
      });
      stopper.start();
      long start = System.nanoTime();
      Study.Outcome outcome = study.run(new FunctionExecutor(p -> {
        if (calls.incrementAndGet() > 2) {
          Thread.sleep(60_000);
        }
        return StudyTest.bowl(p);
      }), parallel, null);
      assertTrue(System.nanoTime() - start < 10_000_000_000L, "stops within seconds, not after the 60 s trial");
      stopper.join();
      return outcome;
    }
  }

  @Test
  void stopInterruptsATrialRunningOnTheLoopThreadAndLeavesTheThreadClean() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    Study.Outcome outcome = stopWhileATrialSleeps(1, storage);
    assertEquals(Study.StopCause.INTERRUPTED, outcome.cause());
    assertFalse(Thread.currentThread().isInterrupted(), "the stop's interrupt does not leak to the caller");
    StoredStudy stored = storage.load();
    assertEquals(2, stored.finished().size(), "the trials finished before the stop are kept");
    assertEquals(1, stored.abandoned().size(), "the stopped trial is left to run again on resume");
  }

  @Test
  void stopAbandonsTrialsRunningOnWorkers() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    Study.Outcome outcome = stopWhileATrialSleeps(3, storage);
    assertEquals(Study.StopCause.INTERRUPTED, outcome.cause());
    assertEquals(0, storage.load().finished().stream().filter(t -> t.status() != io.hypermax.core.trial.TrialStatus.COMPLETE).count());
  }
}
