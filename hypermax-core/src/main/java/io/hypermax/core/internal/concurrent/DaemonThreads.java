package io.hypermax.core.internal.concurrent;

import io.hypermax.core.stability.API;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one daemon thread factory of hypermax: background threads (trial workers, result writers, chart
 * renderers) must never keep the JVM alive after the search ends, and carry a name a thread dump can be read by.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Daemon threads all named {@code name}, at {@code priority}. */
  public static ThreadFactory named(String name, int priority) {
    return r -> daemon(r, name, priority);
  }

  /** Daemon threads named {@code prefix1}, {@code prefix2}, ... at {@code priority}. */
  public static ThreadFactory numbered(String prefix, int priority) {
    AtomicInteger count = new AtomicInteger();
    return r -> daemon(r, prefix + count.incrementAndGet(), priority);
  }

  /** One daemon thread (not started). */
  public static Thread daemon(Runnable r, String name, int priority) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.setPriority(priority);
    return t;
  }
}
