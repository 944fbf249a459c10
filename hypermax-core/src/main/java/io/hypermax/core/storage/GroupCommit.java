package io.hypermax.core.storage;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;

/**
 * Group commit: writers mark the file dirty, and one background thread fsyncs it, at most every
 * {@link #WINDOW_MILLIS} ms, so one fsync covers every trial finished in that window. {@link #close}
 * fsyncs a last time. A writer never waits for the disk.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GroupCommit implements AutoCloseable {
  public static final long WINDOW_MILLIS = 5;

  private final Runnable sync;
  private final Consumer<RuntimeException> failure;
  private final Thread thread;
  private boolean dirty;
  private boolean closed;

  public GroupCommit(String name, Runnable sync, Consumer<RuntimeException> failure) {
    this.sync = sync;
    this.failure = failure;
    // A daemon: a SIGKILL or System.exit loses at most the window, as documented.
    this.thread = DaemonThreads.daemon(this::loop, "hypermax-fsync-" + name, Thread.NORM_PRIORITY);
    thread.start();
  }

  /** Something was written that is not yet durable. */
  public synchronized void dirty() {
    if (!dirty) {
      dirty = true;
      notifyAll();
    }
  }

  private void loop() {
    while (true) {
      synchronized (this) {
        while (!dirty && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (!dirty) {
          return; // closed with nothing pending
        }
        dirty = false;
      }
      try {
        sync.run();
      } catch (RuntimeException e) {
        failure.accept(e);
      }
      LockSupport.parkNanos(WINDOW_MILLIS * 1_000_000L); // let the next window's trials gather
    }
  }

  /** Stops the thread and fsyncs whatever is still pending, on the caller's thread. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    LockSupport.unpark(thread);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sync.run();
  }
}
