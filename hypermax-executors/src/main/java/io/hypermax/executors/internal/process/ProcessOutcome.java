package io.hypermax.executors.internal.process;

import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.stability.API;

/**
 * How a trial process ended.
 *
 * @param exitCode the exit code, or -1 when it was killed or never started
 * @param killReason why hypermax killed it (names the limit and the measured value), or null
 * @param startError why it could not be started, or null
 * @param lastStdoutLine the last non-empty line of standard output, or null
 * @param lastStderrLine the last non-empty line of standard error, or null
 * @param wallSeconds wall time from start to exit
 * @param monitor what measured the trial's resources (null: only the wall time is known)
 * @param log the log's name for the results (null when nothing was written)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ProcessOutcome(
    int exitCode,
    String killReason,
    String startError,
    String lastStdoutLine,
    String lastStderrLine,
    double wallSeconds,
    UsageMeter monitor,
    String log) {

  public boolean killed() {
    return killReason != null;
  }

  public ResourceUsage usage() {
    return usage(Double.NaN, Double.NaN);
  }

  public ResourceUsage usage(double reportedPeakMiB, double reportedCpuSeconds) {
    return monitor == null
        ? ResourceUsage.wallOnly(wallSeconds)
        : monitor.usage(wallSeconds, reportedPeakMiB, reportedCpuSeconds);
  }

  /** The longest result line hypermax reads, in bytes (1 MiB); the whole output is in the trial's log. */
  public static final int MAX_RESULT_LINE_BYTES = OutputPump.MAX_LINE;

  /** True when {@code line} (a last line of output) was longer than {@link #MAX_RESULT_LINE_BYTES} and was cut. */
  public static boolean isCut(String line) {
    return line != null && line.endsWith(OutputPump.CUT);
  }

  /**
   * True when {@code line} had bytes that are not UTF-8 (they were decoded as U+FFFD, the
   * replacement character).
   */
  public static boolean hasInvalidUtf8(String line) {
    return line != null && line.indexOf('\uFFFD') >= 0;
  }

  /** A KILLED result with the kill loss, usage and log. */
  public TrialResult killedResult(double killLoss) {
    return TrialResult.killed(killLoss, killReason, wallSeconds).withUsage(usage()).withLog(log);
  }

  /** A FAILED result with usage and log. */
  public TrialResult failed(String error) {
    return TrialResult.failed(error, wallSeconds).withUsage(usage()).withLog(log);
  }

  /**
   * " (last output: …)" for error messages: the last line of stderr (where programs say what went
   * wrong), else of stdout, or " (it printed nothing)".
   */
  public String lastOutputHint() {
    String last = lastStderrLine != null ? lastStderrLine : lastStdoutLine;
    if (last == null) {
      return " (it printed nothing)";
    }
    return " (last output: " + (last.length() > 300 ? last.substring(0, 300) + "…" : last) + ")";
  }
}
