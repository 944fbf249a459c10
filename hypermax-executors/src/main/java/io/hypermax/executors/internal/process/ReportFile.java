package io.hypermax.executors.internal.process;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import io.hypermax.core.internal.io.FileFollower;
import io.hypermax.core.pruning.ReportProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;

/**
 * The file channel for reports ({@value ReportProtocol#REPORT_FILE_ENV}): for programs whose stdout is
 * not theirs to use, an empty file the trial appends {@code STEP VALUE} lines to (a full
 * {@code hypermax:report STEP VALUE} line is accepted too). hypermax follows it while the trial
 * runs and hands each line on as a report line; decisions still go to the reply file.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ReportFile implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportFile.class);
  private static final long POLL_MILLIS = 100;
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("hypermax-report-files", Thread.NORM_PRIORITY));

  private final Path file;
  private final FileFollower follower;
  private ScheduledFuture<?> task;

  private ReportFile(Path file, Consumer<String> reportLines) {
    this.file = file;
    this.follower = new FileFollower(file, FileFollower.Links.FOLLOW, line -> {
      String s = line.strip();
      if (!s.isEmpty()) {
        reportLines.accept(ReportProtocol.isReport(s) ? s : ReportProtocol.PREFIX + s);
      }
    });
  }

  /**
   * An empty report file of trial {@code trial} in {@code directory} (null: the system's temporary folder).
   *
   * @param reportLines gets each line as a {@code hypermax:report} line (e.g. {@link ReportChannel#offer})
   */
  public static ReportFile create(int trial, Path directory, Consumer<String> reportLines) {
    try {
      Path f;
      if (directory != null) {
        Files.createDirectories(directory);
        f = Files.createTempFile(directory, "hypermax-trial-" + trial + "-", ".reports");
      } else {
        f = Files.createTempFile("hypermax-trial-" + trial + "-", ".reports");
      }
      return new ReportFile(f, reportLines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report file of trial " + trial, e);
    }
  }

  /** The file's path, for the trial's environment. */
  public String path() {
    return file.toString();
  }

  /** Follows the file in the background (every 100 ms) until {@link #close}. */
  public synchronized ReportFile start() {
    if (task == null) {
      task = TIMER.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Reads what was appended since the last poll (also called by a caller that polls itself). */
  public void poll() {
    try {
      follower.poll();
    } catch (IOException e) {
      LOG.debug("cannot follow {}: {}", file, e.getMessage()); // tried again at the next poll
    } catch (RuntimeException e) {
      // A report the channel could not take (e.g. the shared storage was unreachable): that line is lost, the
      // following goes on; letting it escape would end the timer's task and stop following this trial for good.
      LOG.warn("a report line of {} was not taken: {}", file, e.toString());
    }
  }

  /** Hands over the last lines and removes the file. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
    poll();
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a report file left in the swept temp folder is harmless
    }
  }
}
