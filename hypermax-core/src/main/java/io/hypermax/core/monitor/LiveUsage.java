package io.hypermax.core.monitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.hypermax.core.stability.API;

/**
 * The latest resource sample of each running trial of this process, by trial number: executors that
 * watch a trial's processes publish here while it runs, displays (the console UI) read it. One
 * board per JVM, as the CLI runs one study per process; a trial's entry is removed when it ends.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LiveUsage {
  /** Resident memory of the trial's process tree now (MiB) and the CPU seconds it has used so far. */
  public record Sample(double rssMiB, double cpuSeconds, long sampledAtNanos) {}

  private static final Map<Integer, Sample> BOARD = new ConcurrentHashMap<>();

  private LiveUsage() {}

  public static void publish(int trial, double rssMiB, double cpuSeconds) {
    BOARD.put(trial, new Sample(rssMiB, cpuSeconds, System.nanoTime()));
  }

  public static void clear(int trial) {
    BOARD.remove(trial);
  }

  /** Every running trial's latest sample, by trial number (a copy). */
  public static Map<Integer, Sample> all() {
    return Map.copyOf(BOARD);
  }

  /** The latest sample of {@code trial}, or null when none was published (an in-process function, or not sampled yet). */
  public static Sample get(int trial) {
    return BOARD.get(trial);
  }
}
