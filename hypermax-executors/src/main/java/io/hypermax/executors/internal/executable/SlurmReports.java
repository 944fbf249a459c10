package io.hypermax.executors.internal.executable;

import io.hypermax.core.internal.io.FileFollower;
import io.hypermax.core.pruning.ReportProtocol;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.executors.internal.process.ReportChannel;
import io.hypermax.executors.internal.process.TrialLog;
import io.hypermax.executors.internal.process.ReportFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The report lines of a Slurm job, read by following its output file and its report file
 * ({@value ReportProtocol#REPORT_FILE_ENV}; both on the shared filesystem) while the job runs: each {@code hypermax:report STEP VALUE} line goes to the trial's handle, the
 * decision is appended to the reply file the job was given ({@value ReportProtocol#REPLY_ENV}, in the
 * trial's folder on the shared filesystem), and a pruned job still running after {@code grace_seconds}
 * gets {@code scancel --full --signal=TERM}, then {@code scancel} after as long again.
 */
final class SlurmReports implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlurmReports.class);

  private final FileFollower output;
  private final ReportChannel channel;
  private final ReportFile reportFile;
  private volatile String job;
  private volatile boolean running = true;

  /**
   * @param directory the trial's folder on the shared filesystem (the reply file goes there)
   * @param scancel runs {@code scancel} with the given arguments
   */
  SlurmReports(TrialRequest request, Path output, Path directory, Consumer<java.util.List<String>> scancel) {
    // The job's output file is Slurm's to write: hypermax's notes go to the hypermax log, not into it.
    this.channel = ReportChannel.open(request.number(), request.handle(), directory, request.pruneGraceSeconds(), new TrialLog(null));
    this.output = new FileFollower(output, FileFollower.Links.FOLLOW, line -> channel.offer(line.strip()));
    this.reportFile = ReportFile.create(request.number(), directory, channel::offer);
    channel.attachTarget(new ReportChannel.Target() {
      @Override
      public void reply(String line) throws IOException {
        Files.writeString(Path.of(channel.replyFile()), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }

      @Override
      public boolean alive() {
        return running && job != null;
      }

      @Override
      public void terminate() {
        LOG.info("trial {}: Slurm job {} still running after it was pruned: scancel --signal=TERM", request.number(), job);
        scancel.accept(java.util.List.of("--full", "--signal=TERM", job));
      }

      @Override
      public void kill() {
        LOG.info("trial {}: Slurm job {} still running after SIGTERM: scancel", request.number(), job);
        scancel.accept(java.util.List.of(job));
      }
    });
  }

  /** The report file's path ({@value ReportProtocol#REPORT_FILE_ENV}), for the job's environment. */
  String reportFile() {
    return reportFile.path();
  }

  /** The reply file's path, for the job's environment. */
  String replyFile() {
    return channel.replyFile();
  }

  void submitted(String jobId) {
    this.job = jobId;
  }

  /** The job left the queue: nothing to signal any more. */
  void ended() {
    running = false;
  }

  /** Reads what the job wrote (its output and its report file) since the last call and handles its report lines. */
  void poll() {
    try {
      output.poll();
    } catch (IOException e) {
      LOG.debug("cannot follow {}: {}", output.file(), e.getMessage()); // tried again at the next poll
    } catch (RuntimeException e) {
      LOG.warn("a report line of {} was not taken: {}", output.file(), e.toString()); // the next poll goes on after it
    }
    reportFile.poll();
  }

  boolean pruned() {
    return channel.pruned();
  }

  @Override
  public void close() {
    reportFile.close();
    channel.close();
  }
}
