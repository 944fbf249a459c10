package io.hypermax.executors.internal.process;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import io.hypermax.core.pruning.ReportProtocol;
import io.hypermax.core.pruning.TrialHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.hypermax.core.stability.API;

/**
 * The hypermax side of {@link ReportProtocol} for one trial process: takes the report lines its
 * stdout pump hands over, reports them through the trial's handle, appends each decision to the reply
 * file ({@value ReportProtocol#REPLY_ENV}) and, once the trial is pruned, gives the process
 * {@code grace} seconds to stop by itself before its tree gets SIGTERM, and as long again before it
 * is killed.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ReportChannel implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportChannel.class);
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("hypermax-prune-grace", Thread.NORM_PRIORITY));

  /** Where the decisions go: the reply file and the process tree, local or on an ssh host. */
  public interface Target {
    /** Appends one line to the reply file. */
    void reply(String line) throws IOException;

    boolean alive();

    /** SIGTERM to the trial's processes. */
    void terminate();

    /** Kills the trial's processes for good. */
    void kill();

    /** Removes the reply file. */
    default void close() {}
  }

  private final int trial;
  private final TrialHandle handle;
  private final Path reply;
  private final double graceSeconds;
  private final TrialLog log;
  private volatile Target target;
  private boolean pruned;
  private boolean closed;

  private ReportChannel(int trial, TrialHandle handle, Path reply, double graceSeconds, TrialLog log) {
    this.trial = trial;
    this.handle = handle;
    this.reply = reply;
    this.graceSeconds = graceSeconds;
    this.log = log;
  }

  /** A channel whose decisions go to {@code target} (an ssh host's files and processes). */
  public static ReportChannel remote(int trial, TrialHandle handle, double graceSeconds, TrialLog log, Target target) {
    ReportChannel c = new ReportChannel(trial, handle, null, graceSeconds, log);
    c.target = target;
    return c;
  }

  /** A channel with an empty reply file in {@code directory} (null: the system's temporary folder). */
  public static ReportChannel open(int trial, TrialHandle handle, Path directory, double graceSeconds, TrialLog log) {
    try {
      Path file;
      if (directory != null) {
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "hypermax-trial-" + trial + "-", ".reply");
      } else {
        file = Files.createTempFile("hypermax-trial-" + trial + "-", ".reply");
      }
      return new ReportChannel(trial, handle, file, graceSeconds, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report reply file of trial " + trial, e);
    }
  }

  /** The reply file's path, for the process's environment. */
  public String replyFile() {
    return reply.toString();
  }

  /** Where this channel's decisions go, for processes that are not local children (Slurm jobs). */
  public void attachTarget(Target t) {
    this.target = t;
  }

  /** The local process the decisions are about, and how to kill its whole tree (the monitor's way). */
  public void attach(ProcessHandle p, Runnable killWholeTree) {
    Path file = reply;
    this.target = new Target() {
      @Override
      public void reply(String line) throws IOException {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }

      @Override
      public boolean alive() {
        return p.isAlive();
      }

      @Override
      public void terminate() {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
      }

      @Override
      public void kill() {
        killWholeTree.run();
      }
    };
  }

  /** Handles one stripped line of the process's stdout; true when it was a report line (not output). */
  public boolean offer(String line) {
    if (!ReportProtocol.isReport(line)) {
      return false;
    }
    ReportProtocol.Report r;
    try {
      r = ReportProtocol.parse(line);
    } catch (IllegalArgumentException e) {
      log.note("trial " + trial + ": " + e.getMessage() + " (ignored)");
      return true;
    }
    boolean prune = handle.report(r.step(), r.value());
    answer(r.step(), prune);
    if (prune) {
      pruned(r.step());
    }
    return true;
  }

  private synchronized void answer(long step, boolean prune) {
    Target t = target;
    if (closed || t == null) {
      return;
    }
    try {
      t.reply(ReportProtocol.reply(step, prune) + "\n");
    } catch (IOException | RuntimeException e) {
      LOG.warn("trial {}: cannot write the pruning decision to its reply file: {}", trial, e.getMessage());
    }
  }

  private synchronized void pruned(long step) {
    if (pruned) {
      return;
    }
    pruned = true;
    log.note("pruned at step " + step + "; the program has " + graceSeconds + " s to stop before SIGTERM");
    long graceMillis = Math.round(graceSeconds * 1000);
    TIMER.schedule(this::terminate, graceMillis, TimeUnit.MILLISECONDS);
    TIMER.schedule(this::kill, 2 * graceMillis + 100, TimeUnit.MILLISECONDS);
  }

  /** SIGTERM to the process and its descendants, so a program can save what it has. */
  private void terminate() {
    Target t = target;
    if (t == null || isClosed() || !t.alive()) {
      return;
    }
    log.note("sending SIGTERM: still running " + graceSeconds + " s after it was pruned");
    t.terminate();
  }

  private void kill() {
    Target t = target;
    if (t != null && !isClosed() && t.alive()) {
      log.note("killed: still running after SIGTERM");
      t.kill();
    }
  }

  public synchronized boolean pruned() {
    return pruned;
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (reply != null) {
        Files.deleteIfExists(reply);
      }
    } catch (IOException ignored) {
      // a reply file left in the swept temp folder is harmless
    }
  }
}
