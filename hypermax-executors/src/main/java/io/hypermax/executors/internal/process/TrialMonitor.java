package io.hypermax.executors.internal.process;

import io.hypermax.core.trial.ResourceUsage;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * Watches the process tree of one trial: sums resident memory over the root and every descendant,
 * keeps the peak and the CPU time each process was last seen with, and says when a memory limit is
 * crossed. Processes seen once are remembered, so the tree can be killed completely even when a
 * child outlived (and was re-parented away from) its parent.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TrialMonitor implements UsageMeter {
  private final ProcessHandle root;
  private final KillLimits limits;
  private final TrialCookie cookie;
  private final ResourceSampler sampler = ResourceSampler.shared();
  private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
  private final Map<Long, Double> cpuByPid = new LinkedHashMap<>();
  private double peakRssMiB = Double.NaN;
  private double currentRssMiB = Double.NaN;

  public TrialMonitor(ProcessHandle root, KillLimits limits) {
    this(root, limits, null);
  }

  /** @param cookie the environment cookie every process of the trial carries, or null */
  public TrialMonitor(ProcessHandle root, KillLimits limits, TrialCookie cookie) {
    this.root = root;
    this.limits = limits;
    this.cookie = cookie;
    seen.put(root.pid(), root);
  }

  /** Takes one sample; returns the kill reason when a memory limit is crossed. */
  public synchronized Optional<String> sample() {
    double rss = 0;
    boolean any = false;
    for (ProcessHandle h : treeNow()) {
      ResourceSampler.ProcessSample s = sampler.process(h.pid());
      if (s == null) {
        continue;
      }
      any = true;
      rss += s.rssMiB();
      cpuByPid.merge(h.pid(), s.cpuSeconds(), Math::max);
    }
    if (!any) {
      return Optional.empty();
    }
    peakRssMiB = Double.isNaN(peakRssMiB) ? rss : Math.max(peakRssMiB, rss);
    currentRssMiB = rss;
    double systemUsed = limits.hasSystemRamLimit() ? sampler.systemUsedMiB() : Double.NaN;
    return limits.memoryViolation(rss, systemUsed);
  }

  private Collection<ProcessHandle> treeNow() {
    root.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
    // Re-parented leftovers count too while they live.
    seen.values().removeIf(h -> h != root && !h.isAlive());
    return seen.values();
  }

  /** Kills the tree and everything ever seen in it that still lives. */
  public synchronized void killAll() {
    ProcessTree.kill(root, seen.values());
    killCookieCarriers();
  }

  /** Kills processes the trial left behind after its main process ended. */
  public synchronized void killLeftovers() {
    // The descendant walk cannot help now: once the root has exited its children are re-parented,
    // so only those seen while it ran, and those carrying the cookie, can be found.
    if (seen.values().stream().anyMatch(h -> h != root && ProcessTree.isRunning(h))) {
      ProcessTree.kill(root, seen.values());
    }
    killCookieCarriers();
  }

  /**
   * Kills every process carrying the trial's cookie, also those that detached from the tree (a
   * double fork, setsid) before any sample saw them. Repeated while new carriers appear, since a
   * carrier may fork while the others are being killed.
   */
  private void killCookieCarriers() {
    if (cookie == null) {
      return;
    }
    for (int round = 0; round < 5; round++) {
      java.util.List<ProcessHandle> carriers = cookie.carriers();
      if (carriers.isEmpty()) {
        return;
      }
      for (ProcessHandle h : carriers) {
        ProcessTree.kill(h, java.util.List.of());
      }
    }
  }

  /** Resident memory of the tree at the last sample (MiB), and the CPU seconds used so far; for live displays. */
  public synchronized double[] now() {
    double cpu = cpuByPid.values().stream().mapToDouble(Double::doubleValue).sum();
    return new double[] {currentRssMiB, cpuByPid.isEmpty() ? Double.NaN : cpu};
  }

  @Override
  public synchronized ResourceUsage usage(double wallSeconds, double reportedPeakMiB, double reportedCpuSeconds) {
    double cpu = cpuByPid.isEmpty() ? Double.NaN : cpuByPid.values().stream().mapToDouble(Double::doubleValue).sum();
    return new ResourceUsage(
        UsageMeter.maxIgnoringNaN(peakRssMiB, reportedPeakMiB), UsageMeter.maxIgnoringNaN(cpu, reportedCpuSeconds), wallSeconds);
  }
}
