package io.hypermax.executors.internal.ssh;

import com.jcraft.jsch.ChannelExec;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.executors.internal.process.KillWatch;
import io.hypermax.executors.internal.process.OutputPump;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.TrialFiles;
import io.hypermax.executors.internal.process.TrialLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One attempt of a trial on one host: starts {@link RemoteScripts#trial} on an exec channel, streams
 * its stdout and stderr into the trial log, runs the shared auto-kill loop with remote samples,
 * kills the remote process group when a limit is crossed or the search stops, and reads the result
 * file. A connection lost on the way is a {@link HostUnavailableException}: the caller runs the
 * trial again elsewhere.
 */
final class RemoteTrial {
  /** Trials running remotely; a shutdown hook (Ctrl-C) kills them on their hosts. */
  private static final Set<RemoteTrial> LIVE = ConcurrentHashMap.newKeySet();
  private static final long KILL_TIMEOUT_MILLIS = 10_000;
  private static final long DRAIN_MILLIS = 2_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(RemoteTrial::killQuietly), "hypermax-kill-ssh-trials"));
  }

  /** How the attempt ended: the outcome and the text of the remote result file (empty when none). */
  record Finished(ProcessOutcome outcome, String resultFile) {
    Object parsedResultFile() throws IOException {
      return resultFile.isBlank() ? null : TrialFiles.JSON.readValue(resultFile, Object.class);
    }
  }

  private final HostConnection connection;
  private final SshSettings settings;
  private final TrialRequest request;
  private final TrialLog log;
  private final String name;
  private volatile boolean started;

  RemoteTrial(HostConnection connection, SshSettings settings, TrialRequest request, TrialLog log) {
    this.connection = connection;
    this.settings = settings;
    this.request = request;
    this.log = log;
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    this.name = "hypermax-trial-" + request.number() + "-" + HexFormat.of().formatHex(random);
  }

  /** True once the command was started on the host (a failure after that is a drop mid-trial). */
  boolean started() {
    return started;
  }

  Finished run() throws HostUnavailableException, InterruptedException {
    ShellText.Substituted command = ShellText.substitute(settings.command(), request.parameters(), request.flatParameters());
    Map<String, String> env = new LinkedHashMap<>(settings.environment());
    List<String> values = command.values();
    for (int i = 0; i < values.size(); i++) {
      env.put(ShellText.VALUE_PREFIX + (i + 1), values.get(i));
    }
    ChannelExec channel = connection.exec(RemoteScripts.trial(name, settings.directory(), command.command(), env));
    try {
      InputStream stdout;
      InputStream stderr;
      OutputStream stdin;
      try {
        stdout = channel.getInputStream();
        stderr = channel.getExtInputStream();
        stdin = channel.getOutputStream();
      } catch (IOException e) {
        throw new HostUnavailableException(connection.host().label() + ": " + e.getMessage(), false, e);
      }
      connection.connect(channel);
      long start = System.nanoTime();
      started = true;
      LIVE.add(this);
      // Report lines reach the pruner; decisions go to the trial's reply file on the host, then SIGTERM (docs/pruning.md).
      reports = io.hypermax.executors.internal.process.ReportChannel.remote(
          request.number(), request.handle(), request.pruneGraceSeconds(), log, new RemoteReplies());
      OutputPump out = new OutputPump("hypermax-trial-" + request.number() + "-ssh-stdout", stdout, log, reports::offer);
      OutputPump err = new OutputPump("hypermax-trial-" + request.number() + "-ssh-stderr", stderr, log);
      out.start();
      err.start();
      try {
        stdin.write(TrialFiles.JSON.writeValueAsBytes(request.parameters()));
        stdin.write('\n');
        stdin.flush(); // stays open: its end is the remote watchdog's signal
      } catch (IOException e) {
        throw new HostUnavailableException(connection.host().label() + ": cannot send the parameters: " + e.getMessage(), false, e);
      }
      RemoteMonitor monitor = RemoteMonitor.start(connection, name, settings.limits());
      try {
        String killReason = KillWatch.watch(
            settings.limits(), ProcessTrialRunner.EARLY_FIRST_SAMPLE_MS, start, nanos -> awaitClosed(channel, nanos),
            monitor::sample);
        double wall = (System.nanoTime() - start) / 1e9;
        ended = true;
        if (killReason != null) {
          kill();
        }
        awaitClosed(channel, TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
        long drainEnd = System.currentTimeMillis() + DRAIN_MILLIS;
        out.join(Math.max(1, drainEnd - System.currentTimeMillis()));
        err.join(Math.max(1, drainEnd - System.currentTimeMillis()));
        int exit = channel.getExitStatus();
        if (killReason == null && exit < 0) {
          throw new HostUnavailableException(connection.host().label() + ": the connection was lost mid-trial", false, null);
        }
        if (killReason != null) {
          log.note(killReason);
          exit = -1;
        } else if (exit != 0) {
          log.note("exited with code " + exit + " on " + connection.host().label());
        }
        String resultFile = connection.run(RemoteScripts.cleanup(name), KILL_TIMEOUT_MILLIS).stdout();
        String logName = log.hasFile() ? request.logName() : null;
        return new Finished(
            new ProcessOutcome(exit, killReason, null, out.lastLine(), err.lastLine(), wall, monitor, logName), resultFile);
      } catch (InterruptedException e) {
        killQuietly();
        log.note("killed: the search is stopping");
        throw e;
      } finally {
        monitor.stop();
      }
    } finally {
      LIVE.remove(this);
      if (reports != null) {
        reports.close();
      }
      channel.disconnect();
    }
  }

  private volatile io.hypermax.executors.internal.process.ReportChannel reports;
  private volatile boolean ended;

  /** The decisions of a trial on the host: appended to its reply file, SIGTERM to its process group. */
  private final class RemoteReplies implements io.hypermax.executors.internal.process.ReportChannel.Target {
    @Override
    public void reply(String line) throws java.io.IOException {
      try {
        connection.run(RemoteScripts.reply(name, line.strip()), KILL_TIMEOUT_MILLIS);
      } catch (HostUnavailableException e) {
        throw new java.io.IOException(e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.IOException("interrupted", e);
      }
    }

    @Override
    public boolean alive() {
      return !ended;
    }

    @Override
    public void terminate() {
      try {
        connection.run(RemoteScripts.terminate(name), KILL_TIMEOUT_MILLIS);
      } catch (HostUnavailableException | InterruptedException e) {
        log.note("cannot send SIGTERM on " + connection.host().label() + ": " + e.getMessage());
      }
    }

    @Override
    public void kill() {
      killQuietly();
    }
  }

  /** Kills the remote process group and waits until it is gone; throws when processes survive. */
  private void kill() throws HostUnavailableException, InterruptedException {
    String left = connection.run(RemoteScripts.kill(name), KILL_TIMEOUT_MILLIS).stdout().strip();
    if (!left.equals("0")) {
      log.note("warning: " + left + " process(es) of the trial survived the kill on " + connection.host().label());
    }
  }

  /** Best effort, also from the shutdown hook or an interrupted thread; the remote watchdog is the backstop. */
  private void killQuietly() {
    boolean interrupted = Thread.interrupted();
    try {
      kill();
      connection.run(RemoteScripts.cleanup(name), KILL_TIMEOUT_MILLIS);
    } catch (HostUnavailableException | InterruptedException e) {
      // the connection is gone: the remote watchdog kills the group when its stdin closes
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean awaitClosed(ChannelExec channel, long nanos) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    while (!channel.isClosed()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      Thread.sleep(Math.min(5, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
    }
    return true;
  }
}
