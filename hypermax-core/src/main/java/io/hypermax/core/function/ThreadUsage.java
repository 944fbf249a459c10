package io.hypermax.core.function;

import io.hypermax.core.trial.ResourceUsage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time and heap allocation of the current thread, from the JVM's management beans, for
 * functions that run inside the hypermax JVM. Counts the calling thread only: work the function
 * hands to other threads (a parallel stream, its own pool) is not included, and peak RSS is not
 * meaningful for one thread of a shared JVM, so it stays unknown.
 */
final class ThreadUsage {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU = enableCpuTime();
  // com.sun.management (module jdk.management) adds allocated bytes; absent on some JVMs, hence the check.
  private static final com.sun.management.ThreadMXBean ALLOCATION = allocationBean();

  private final long cpuStart;
  private final long allocatedStart;

  private ThreadUsage() {
    cpuStart = CPU ? THREADS.getCurrentThreadCpuTime() : -1;
    allocatedStart = ALLOCATION != null ? ALLOCATION.getCurrentThreadAllocatedBytes() : -1;
  }

  /** Starts measuring on the calling thread; {@link #stop} must be called on the same thread. */
  static ThreadUsage start() {
    return new ThreadUsage();
  }

  ResourceUsage stop(double wallSeconds) {
    double cpu = cpuStart >= 0 ? (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 : Double.NaN;
    double allocated =
        allocatedStart >= 0 ? (ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedStart) / (1024.0 * 1024.0) : Double.NaN;
    return new ResourceUsage(Double.NaN, cpu, wallSeconds, allocated);
  }

  private static boolean enableCpuTime() {
    try {
      if (!THREADS.isCurrentThreadCpuTimeSupported()) {
        return false;
      }
      if (!THREADS.isThreadCpuTimeEnabled()) {
        THREADS.setThreadCpuTimeEnabled(true);
      }
      return true;
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static com.sun.management.ThreadMXBean allocationBean() {
    try {
      if (THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
        if (!sun.isThreadAllocatedMemoryEnabled()) {
          sun.setThreadAllocatedMemoryEnabled(true);
        }
        return sun;
      }
    } catch (UnsupportedOperationException | SecurityException | LinkageError e) {
      // not available on this JVM: the column stays empty
    }
    return null;
  }
}
