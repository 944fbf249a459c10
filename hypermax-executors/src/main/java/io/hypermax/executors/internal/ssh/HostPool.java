package io.hypermax.executors.internal.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts and their free slots. A trial leases a slot on the least busy host that is up; a host
 * whose connection failed is down for a back-off (1 s, doubling up to 60 s) and then gets another
 * chance with the next trial. While every host is down a trial waits and the log says so; after
 * {@code hosts_down_timeout} seconds of nothing but failures it gives up. A host that refused us
 * (host key, authentication) stays out: retrying cannot fix it.
 */
final class HostPool {
  private static final Logger LOG = LoggerFactory.getLogger(HostPool.class);
  private static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
  private static final long MAX_BACKOFF_NANOS = 60_000_000_000L;
  private static final long WAITING_NOTE_NANOS = 30_000_000_000L;

  /** A host with its connection and bookkeeping; guarded by the pool. */
  static final class Host {
    final HostConnection connection;
    final Object syncLock = new Object();
    volatile boolean synced;
    int busy;
    int failures;
    long downUntil;
    String problem;
    boolean refused;

    Host(HostConnection connection) {
      this.connection = connection;
    }

    SshHost spec() {
      return connection.host();
    }
  }

  /** Thrown when every host stayed down for the whole timeout, or all refused us. */
  static final class AllHostsDownException extends Exception {
    AllHostsDownException(String message) {
      super(message);
    }
  }

  private final List<Host> hosts = new ArrayList<>();
  private final long timeoutNanos;
  private long allDownSince = -1;
  private long lastWaitingNote;

  HostPool(List<HostConnection> connections, double timeoutSeconds) {
    connections.forEach(c -> hosts.add(new Host(c)));
    this.timeoutNanos = (long) (timeoutSeconds * 1e9);
  }

  List<Host> hosts() {
    return List.copyOf(hosts);
  }

  /** Leases a slot; waits while all are busy or every host is down. */
  synchronized Host acquire() throws InterruptedException, AllHostsDownException {
    while (true) {
      long now = System.nanoTime();
      Host best = null;
      boolean anyUp = false;
      long nextRetry = Long.MAX_VALUE;
      for (Host h : hosts) {
        if (h.refused) {
          continue;
        }
        if (h.failures > 0 && now - h.downUntil < 0) {
          nextRetry = Math.min(nextRetry, h.downUntil - now);
          continue;
        }
        anyUp = true;
        if (h.busy < h.spec().slots() && (best == null || load(h) < load(best))) {
          best = h;
        }
      }
      if (best != null) {
        best.busy++;
        return best;
      }
      if (anyUp) {
        wait(); // all slots busy: a release wakes us
        continue;
      }
      if (nextRetry == Long.MAX_VALUE) {
        throw new AllHostsDownException("every host refused the connection: " + problems());
      }
      if (allDownSince < 0) {
        allDownSince = now;
      }
      long waited = now - allDownSince;
      if (waited >= timeoutNanos) {
        throw new AllHostsDownException(String.format(
            "every host has been down for %.0f s (hosts_down_timeout): %s", waited / 1e9, problems()));
      }
      if (lastWaitingNote == 0 || now - lastWaitingNote >= WAITING_NOTE_NANOS) {
        lastWaitingNote = now;
        LOG.warn("all {} ssh hosts are down, waiting up to {} s more for one to come back: {}",
            hosts.size(), Math.round((timeoutNanos - waited) / 1e9), problems());
      }
      long sleep = Math.min(nextRetry, timeoutNanos - waited);
      wait(Math.max(1, sleep / 1_000_000), 0);
    }
  }

  private static double load(Host h) {
    return (double) h.busy / h.spec().slots();
  }

  synchronized void release(Host host) {
    host.busy--;
    notifyAll();
  }

  /** The host worked (connected and ran a trial): no back-off, and the all-down clock stops. */
  synchronized void up(Host host) {
    if (host.failures > 0) {
      LOG.info("ssh host {} is back", host.spec().label());
    }
    host.failures = 0;
    host.downUntil = 0;
    host.problem = null;
    allDownSince = -1;
    lastWaitingNote = 0;
  }

  synchronized void down(Host host, HostUnavailableException e) {
    host.problem = e.getMessage();
    if (e.permanent()) {
      host.refused = true;
      LOG.error("ssh host {} is not used: {}", host.spec().label(), e.getMessage());
    } else {
      host.failures++;
      long backoff = Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(6, host.failures - 1));
      host.downUntil = System.nanoTime() + backoff;
      host.synced = false; // it may have been reinstalled; sync again, rsync-style, when it is back
      LOG.warn("ssh host {} is down ({}); retrying it in {} s", host.spec().label(), e.getMessage(), backoff / 1_000_000_000L);
    }
    notifyAll();
  }

  private String problems() {
    StringJoiner j = new StringJoiner("; ");
    for (Host h : hosts) {
      j.add(h.problem != null ? h.problem : h.spec().label() + ": not tried yet");
    }
    return j.toString();
  }
}
