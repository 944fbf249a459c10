package io.hypermax.executors.internal.ssh;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import com.jcraft.jsch.ChannelExec;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.UsageMeter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Samples a remote trial's process group with {@code ps}, on the host, over a channel of the
 * host's session: the remote loop ({@link RemoteScripts#sampler}) keeps the local monitor's cadence
 * (first after {@link ProcessTrialRunner#EARLY_FIRST_SAMPLE_MS}, doubling up to
 * {@link ProcessTrialRunner#MAX_SAMPLE_INTERVAL_MS}) and streams one line per sample, so the
 * auto-kill loop never waits for a round trip. Keeps the peak resident memory; CPU time is not
 * measured remotely.
 */
final class RemoteMonitor implements UsageMeter {
  private final KillLimits limits;
  private final ChannelExec channel;
  private final Thread reader;
  private double peakRssMiB = Double.NaN;
  private double lastRssMiB = Double.NaN;
  private double lastSystemMiB = Double.NaN;

  private RemoteMonitor(KillLimits limits, ChannelExec channel, String name) throws IOException {
    this.limits = limits;
    this.channel = channel;
    BufferedReader in = new BufferedReader(new InputStreamReader(channel.getInputStream(), StandardCharsets.US_ASCII));
    this.reader = DaemonThreads.daemon(() -> read(in), name, Thread.NORM_PRIORITY);
  }

  /** Starts sampling the trial {@code trialName}; its first samples say "waiting" until the trial started. */
  static RemoteMonitor start(HostConnection connection, String trialName, KillLimits limits) throws HostUnavailableException {
    ChannelExec channel = connection.exec(RemoteScripts.sampler(trialName, limits.hasSystemRamLimit(), intervals()));
    RemoteMonitor monitor;
    try {
      monitor = new RemoteMonitor(limits, channel, "hypermax-" + trialName + "-sampler");
    } catch (IOException e) {
      channel.disconnect();
      throw new HostUnavailableException(connection.host().label() + ": " + e.getMessage(), false, e);
    }
    connection.connect(channel);
    monitor.reader.start();
    return monitor;
  }

  /** The local schedule in seconds: 0.005, 0.01, … doubling, ending with the maximum interval. */
  static List<String> intervals() {
    List<String> out = new ArrayList<>();
    for (long ms = ProcessTrialRunner.EARLY_FIRST_SAMPLE_MS; ; ms *= 2) {
      long capped = Math.min(ms, ProcessTrialRunner.MAX_SAMPLE_INTERVAL_MS);
      out.add(BigDecimal.valueOf(capped, 3).stripTrailingZeros().toPlainString());
      if (capped == ProcessTrialRunner.MAX_SAMPLE_INTERVAL_MS) {
        return out;
      }
    }
  }

  private void read(BufferedReader in) {
    try (in) {
      String line;
      while ((line = in.readLine()) != null) {
        accept(line.strip().split("\\s+"));
      }
    } catch (IOException e) {
      // the channel closed: sampling is over
    }
  }

  private synchronized void accept(String[] f) {
    if (f.length < 2 || !f[0].matches("\\d+") || f[0].equals("0") || !f[1].matches("\\d+")) {
      return; // "waiting", or the group is gone
    }
    lastRssMiB = Long.parseLong(f[1]) / 1024.0;
    peakRssMiB = Double.isNaN(peakRssMiB) ? lastRssMiB : Math.max(peakRssMiB, lastRssMiB);
    lastSystemMiB = f.length > 2 && f[2].matches("\\d+") ? Long.parseLong(f[2]) / 1024.0 : Double.NaN;
  }

  /** The latest sample's verdict: the kill reason when it crosses a memory limit. */
  synchronized Optional<String> sample() {
    return Double.isNaN(lastRssMiB) ? Optional.empty() : limits.memoryViolation(lastRssMiB, lastSystemMiB);
  }

  void stop() {
    channel.disconnect();
  }

  @Override
  public synchronized ResourceUsage usage(double wallSeconds, double reportedPeakMiB, double reportedCpuSeconds) {
    return new ResourceUsage(UsageMeter.maxIgnoringNaN(peakRssMiB, reportedPeakMiB), reportedCpuSeconds, wallSeconds);
  }
}
