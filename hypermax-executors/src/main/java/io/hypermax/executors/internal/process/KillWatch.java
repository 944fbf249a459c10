package io.hypermax.executors.internal.process;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.hypermax.core.stability.API;

/**
 * The auto-kill loop shared by local and remote trials: waits for the trial to end while sampling
 * its resources (first after a short delay, then at doubling intervals up to
 * {@link ProcessTrialRunner#MAX_SAMPLE_INTERVAL_MS}) and says why it must be killed the moment the
 * time limit or a memory limit is crossed. Where the process runs (here, or over ssh) is the
 * caller's business: it supplies how to wait and how to sample.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class KillWatch {
  /** Waits up to {@code nanos} for the trial to end; true when it has. */
  @FunctionalInterface
  public interface ExitWait {
    boolean await(long nanos) throws InterruptedException;
  }

  private KillWatch() {}

  /**
   * @param startNanos {@link System#nanoTime()} when the trial started
   * @param sample one resource sample; the kill reason when a memory limit is crossed
   * @return why the trial must be killed, or null when it ended by itself
   */
  public static String watch(
      KillLimits limits, long firstSampleMillis, long startNanos, ExitWait exit, Supplier<Optional<String>> sample)
      throws InterruptedException {
    long deadline = limits.deadlineNanos();
    long interval = firstSampleMillis;
    while (true) {
      long elapsed = System.nanoTime() - startNanos;
      long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(interval), deadline - elapsed);
      if (wait > 0 && exit.await(wait)) {
        return null;
      }
      elapsed = System.nanoTime() - startNanos;
      if (elapsed >= deadline) {
        return limits.timeViolation(elapsed / 1e9);
      }
      Optional<String> memory = sample.get();
      if (memory.isPresent()) {
        return memory.get();
      }
      interval = Math.min(interval * 2, ProcessTrialRunner.MAX_SAMPLE_INTERVAL_MS);
    }
  }
}
