package io.hypermax.executors.process;

import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads resident memory and CPU time of single processes and the machine's used memory through
 * oshi. One shared instance: oshi's start-up (native bindings) is paid once per JVM.
 */
final class ResourceSampler {
  private static final double MIB = 1024.0 * 1024.0;
  private static volatile ResourceSampler shared;

  private final OperatingSystem os;
  private final GlobalMemory memory;

  private ResourceSampler() {
    SystemInfo info = new SystemInfo();
    this.os = info.getOperatingSystem();
    this.memory = info.getHardware().getMemory();
    process(ProcessHandle.current().pid()); // loads oshi's process classes now, not during a trial's first sample
  }

  static ResourceSampler shared() {
    ResourceSampler s = shared;
    if (s == null) {
      synchronized (ResourceSampler.class) {
        if (shared == null) {
          shared = new ResourceSampler();
        }
        s = shared;
      }
    }
    return s;
  }

  /** One process's resident memory (MiB) and CPU time (seconds), or null when it is gone. */
  ProcessSample process(long pid) {
    OSProcess p = os.getProcess((int) pid);
    // A zombie (exited, not yet reaped) or a process caught mid-exec reports no memory: not a measurement.
    if (p == null || p.getState() == OSProcess.State.INVALID || p.getState() == OSProcess.State.ZOMBIE
        || p.getResidentSetSize() == 0) {
      return null;
    }
    return new ProcessSample(p.getResidentSetSize() / MIB, (p.getKernelTime() + p.getUserTime()) / 1000.0);
  }

  /** Memory in use on the machine (total minus available), MiB. */
  double systemUsedMiB() {
    return (memory.getTotal() - memory.getAvailable()) / MIB;
  }

  record ProcessSample(double rssMiB, double cpuSeconds) {}
}
