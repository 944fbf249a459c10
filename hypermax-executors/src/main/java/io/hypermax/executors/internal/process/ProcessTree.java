package io.hypermax.executors.internal.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import io.hypermax.core.stability.API;

/** Kills a process with all its descendants and waits until they are gone. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ProcessTree {
  /** SIGKILL cannot be ignored; this only bounds the wait for processes stuck in the kernel. */
  private static final long DEATH_WAIT_MILLIS = 3_000;

  private ProcessTree() {}

  /**
   * Kills the descendants of {@code root} (deepest first, so none is re-parented out of reach),
   * then {@code root}, then any of {@code alsoKnown} still alive (descendants seen earlier that may
   * have been re-parented after their parent died), and waits for all of them to end. Handles carry
   * their start time, so a reused pid is never hit. Works also in an interrupted thread (the
   * interrupt stays set).
   */
  public static void kill(ProcessHandle root, Collection<ProcessHandle> alsoKnown) {
    List<ProcessHandle> victims = new ArrayList<>(root.descendants().toList());
    Collections.reverse(victims);
    victims.add(root);
    for (ProcessHandle h : alsoKnown) {
      if (h.isAlive() && !victims.contains(h)) {
        victims.addAll(0, h.descendants().toList());
        victims.add(h);
      }
    }
    victims.forEach(ProcessHandle::destroyForcibly);
    awaitDeath(victims);
  }

  /**
   * True while the process runs. A zombie does not: it has died and only waits to be reaped, which
   * for a re-parented grandchild is up to the machine's init process and may take a second.
   */
  static boolean isRunning(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    try (FileInputStream in = new FileInputStream("/proc/" + h.pid() + "/stat")) {
      String stat = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return !stat.startsWith("Z", stat.lastIndexOf(')') + 2);
    } catch (IOException e) {
      return h.isAlive(); // no /proc (not Linux), or it just went away
    }
  }

  private static void awaitDeath(List<ProcessHandle> victims) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.currentTimeMillis() + DEATH_WAIT_MILLIS;
    try {
      while (victims.stream().anyMatch(ProcessTree::isRunning) && System.currentTimeMillis() < deadline) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
