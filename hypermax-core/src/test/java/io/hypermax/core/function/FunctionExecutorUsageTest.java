package io.hypermax.core.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** java_function trials record the calling thread's CPU time and allocated heap (ThreadMXBean). */
class FunctionExecutorUsageTest {
  private static volatile Object sink;

  private static TrialResult run(ObjectiveFunction f) throws Exception {
    return new FunctionExecutor(f).run(new TrialRequest(0, Map.of(), Map.of(), null, null));
  }

  @Test
  void aTrialRecordsItsThreadsCpuTimeAndAllocatedMemory() throws Exception {
    TrialResult r =
        run(p -> {
          // ~64 MiB of allocation and some CPU work that the JIT cannot remove
          long acc = 0;
          for (int i = 0; i < 64; i++) {
            byte[] block = new byte[1 << 20];
            block[i] = (byte) i;
            sink = block;
            for (int j = 0; j < 200_000; j++) {
              acc += (long) j * i ^ (acc >>> 3);
            }
          }
          sink = acc;
          return 1.0;
        });
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    ResourceUsage u = r.usage();
    assertTrue(u.cpuSeconds() > 0, "CPU time measured: " + u);
    assertTrue(u.cpuSeconds() <= u.wallSeconds() + 0.05, "one thread's CPU time cannot exceed its wall time: " + u);
    assertTrue(u.allocatedMiB() >= 63 && u.allocatedMiB() < 200, "allocated MiB: " + u);
    assertTrue(Double.isNaN(u.peakRssMiB()), "no per-thread RSS exists: " + u);
  }

  @Test
  void aSleepingTrialUsesWallTimeButAlmostNoCpu() throws Exception {
    TrialResult r =
        run(p -> {
          Thread.sleep(200);
          return 1.0;
        });
    ResourceUsage u = r.usage();
    assertTrue(u.wallSeconds() >= 0.2, u.toString());
    assertTrue(u.cpuSeconds() < 0.1, "sleeping costs no CPU: " + u);
  }

  @Test
  void aFailedTrialRecordsItsUsageToo() throws Exception {
    TrialResult r =
        run(p -> {
          sink = new byte[8 << 20];
          throw new IllegalStateException("no");
        });
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.usage().allocatedMiB() >= 8, r.usage().toString());
    assertTrue(r.usage().cpuSeconds() >= 0, r.usage().toString());
  }
}
