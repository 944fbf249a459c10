package io.hypermax.executors.internal.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trial processes currently running in this JVM. A shutdown hook kills them all, so a hypermax
 * that is stopped with Ctrl-C or a plain kill leaves no trial running behind it.
 */
final class LiveProcesses {
  private static final Set<TrialMonitor> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(TrialMonitor::killAll), "hypermax-kill-trials"));
  }

  private LiveProcesses() {}

  static void add(TrialMonitor monitor) {
    LIVE.add(monitor);
  }

  static void remove(TrialMonitor monitor) {
    LIVE.remove(monitor);
  }
}
