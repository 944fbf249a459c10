package io.hypermax.executors.internal.ssh;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.executable.ExecutableResults;
import io.hypermax.executors.internal.process.TrialLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each trial on a leased slot of the host pool; see {@link SshProvider}. A host that cannot
 * be reached or drops the connection is marked down and the trial runs again on another host: a
 * connection failure is never the trial's result. The result names the host in the metadata column
 * {@value #HOST_COLUMN}.
 */
final class SshExecutor implements Executor {
  static final String HOST_COLUMN = "ssh_host";
  /** A trial that loses its host this often while running is failed: something in it may be killing hosts. */
  static final int MAX_DROPS_PER_TRIAL = 5;

  private static final Logger LOG = LoggerFactory.getLogger(SshExecutor.class);

  private final SshSettings settings;
  private final HostPool pool;

  SshExecutor(SshSettings settings) {
    this.settings = settings;
    List<HostConnection> connections = new ArrayList<>();
    for (SshHost h : settings.hosts()) {
      connections.add(new HostConnection(h, settings));
    }
    this.pool = new HostPool(connections, settings.hostsDownTimeoutSeconds());
  }

  /** One trial per slot of every host, when {@code function.parallel} is not set. */
  @Override
  public java.util.OptionalInt preferredParallelism() {
    return java.util.OptionalInt.of(settings.totalSlots());
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    long start = System.nanoTime();
    int drops = 0;
    try (TrialLog log = new TrialLog(request.logFile())) {
      while (true) {
        HostPool.Host host;
        try {
          host = pool.acquire();
        } catch (HostPool.AllHostsDownException e) {
          log.note(e.getMessage());
          return TrialResult.failed(e.getMessage(), (System.nanoTime() - start) / 1e9)
              .withLog(log.hasFile() ? request.logName() : null);
        }
        RemoteTrial attempt = new RemoteTrial(host.connection, settings, request, log);
        try {
          syncOnce(host, log);
          RemoteTrial.Finished finished = attempt.run();
          pool.up(host);
          TrialResult result =
              ExecutableResults.interpret(finished.outcome(), settings.limits().killLoss(), finished::parsedResultFile);
          return withHost(result, host.spec().label());
        } catch (HostUnavailableException e) {
          pool.down(host, e);
          drops += attempt.started() ? 1 : 0;
          if (drops >= MAX_DROPS_PER_TRIAL) {
            String why = "lost the connection " + drops + " times while running (last: " + e.getMessage() + ")";
            log.note(why);
            return TrialResult.failed(why, (System.nanoTime() - start) / 1e9).withLog(log.hasFile() ? request.logName() : null);
          }
          log.note(e.getMessage() + "; the trial runs again" + (settings.hosts().size() > 1 ? " on another host" : ""));
        } finally {
          pool.release(host);
        }
      }
    }
  }

  /** The host's first trial syncs {@code sync.from}; trials on the host wait for it, other hosts do not. */
  private void syncOnce(HostPool.Host host, TrialLog log) throws HostUnavailableException, InterruptedException {
    if (settings.sync() == null || host.synced) {
      return;
    }
    synchronized (host.syncLock) {
      if (!host.synced) {
        long t = System.nanoTime();
        FolderSync.Stats stats = FolderSync.sync(host.connection, settings.sync(), log::note);
        String note = String.format("synced %s to %s:%s with %s: %d file(s) sent (%d bytes), %d unchanged, %.2f s",
            settings.sync().from(), host.spec().label(), settings.sync().to(), stats.method(), stats.sent(), stats.bytes(),
            stats.unchanged(), (System.nanoTime() - t) / 1e9);
        LOG.info(note);
        log.note(note);
        host.synced = true;
      }
    }
  }

  private static TrialResult withHost(TrialResult r, String host) {
    Map<String, Object> metadata = new LinkedHashMap<>(r.metadata());
    metadata.put(HOST_COLUMN, host);
    return new TrialResult(r.status(), r.loss(), r.time(), metadata, r.error(), r.log(), r.usage());
  }

  @Override
  public void close() {
    pool.hosts().forEach(h -> h.connection.close());
  }
}
