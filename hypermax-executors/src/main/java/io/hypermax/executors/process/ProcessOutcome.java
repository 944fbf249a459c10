package io.hypermax.executors.process;

import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.TrialResult;

/**
 * How a trial process ended.
 *
 * @param exitCode the exit code, or -1 when it was killed or never started
 * @param killReason why hypermax killed it (names the limit and the measured value), or null
 * @param startError why it could not be started, or null
 * @param lastStdoutLine the last non-empty line of standard output, or null
 * @param outputTail the end of the combined output, for error messages
 * @param wallSeconds wall time from start to exit
 * @param monitor the trial's monitor, for resource usage
 * @param log the log's name for the results (null when nothing was written)
 */
public record ProcessOutcome(
    int exitCode,
    String killReason,
    String startError,
    String lastStdoutLine,
    String outputTail,
    double wallSeconds,
    TrialMonitor monitor,
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

  /** A KILLED result with the kill loss, usage and log. */
  public TrialResult killedResult(double killLoss) {
    return TrialResult.killed(killLoss, killReason, wallSeconds).withUsage(usage()).withLog(log);
  }

  /** A FAILED result with usage and log. */
  public TrialResult failed(String error) {
    return TrialResult.failed(error, wallSeconds).withUsage(usage()).withLog(log);
  }

  /** " (last output: …)" for error messages, or "" when the trial printed nothing. */
  public String lastOutputHint() {
    if (outputTail == null || outputTail.isBlank()) {
      return " (it printed nothing)";
    }
    String[] lines = outputTail.split("\n");
    String last = lines[lines.length - 1].strip();
    if (last.length() > 300) {
      last = last.substring(0, 300) + "…";
    }
    return " (last output: " + last + ")";
  }
}
