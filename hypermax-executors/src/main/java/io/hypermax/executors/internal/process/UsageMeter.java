package io.hypermax.executors.internal.process;

import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.stability.API;

/**
 * What measured a trial's resources: the local {@link TrialMonitor}, or a remote executor's own
 * sampler. {@link ProcessOutcome} reports usage through it without knowing where the process ran.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface UsageMeter {
  /**
   * The measured usage; {@code reportedPeakMiB}/{@code reportedCpuSeconds} are what the trial's
   * own runner measured (NaN if none) and win when larger, since sampling misses short bursts.
   */
  ResourceUsage usage(double wallSeconds, double reportedPeakMiB, double reportedCpuSeconds);

  /** The larger of two measurements, where NaN means "not measured". */
  static double maxIgnoringNaN(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : Math.max(a, b);
  }
}
