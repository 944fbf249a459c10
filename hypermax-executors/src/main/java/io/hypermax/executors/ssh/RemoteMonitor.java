package io.hypermax.executors.ssh;

import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.executors.process.KillLimits;
import io.hypermax.executors.process.UsageMeter;
import java.util.Optional;

/**
 * Samples a remote trial's process group with {@code ps} over the host's session (one short
 * channel per sample, at {@code KillWatch}'s cadence) and keeps the peak resident memory. CPU time
 * is not measured remotely.
 */
final class RemoteMonitor implements UsageMeter {
  private static final long SAMPLE_TIMEOUT_MILLIS = 10_000;

  private final HostConnection connection;
  private final String trialName;
  private final KillLimits limits;
  private double peakRssMiB = Double.NaN;

  RemoteMonitor(HostConnection connection, String trialName, KillLimits limits) {
    this.connection = connection;
    this.trialName = trialName;
    this.limits = limits;
  }

  /** One sample; the kill reason when a memory limit is crossed. A failed sample is no measurement. */
  synchronized Optional<String> sample() {
    String[] lines;
    try {
      lines = connection.run(RemoteScripts.sample(trialName), SAMPLE_TIMEOUT_MILLIS).stdout().strip().split("\n");
    } catch (HostUnavailableException e) {
      return Optional.empty(); // the trial's own channel reports a lost connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the watch loop's next wait ends the trial
      return Optional.empty();
    }
    String[] group = lines[0].strip().split("\\s+");
    if (group.length < 2 || !group[0].matches("\\d+") || group[0].equals("0") || !group[1].matches("\\d+")) {
      return Optional.empty(); // not started yet, or already gone
    }
    double rss = Long.parseLong(group[1]) / 1024.0;
    peakRssMiB = Double.isNaN(peakRssMiB) ? rss : Math.max(peakRssMiB, rss);
    double systemUsed = lines.length > 1 && lines[1].strip().matches("\\d+") ? Long.parseLong(lines[1].strip()) / 1024.0 : Double.NaN;
    return limits.memoryViolation(rss, systemUsed);
  }

  @Override
  public synchronized ResourceUsage usage(double wallSeconds, double reportedPeakMiB, double reportedCpuSeconds) {
    return new ResourceUsage(UsageMeter.maxIgnoringNaN(peakRssMiB, reportedPeakMiB), reportedCpuSeconds, wallSeconds);
  }
}
