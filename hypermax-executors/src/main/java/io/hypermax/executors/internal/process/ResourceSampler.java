package io.hypermax.executors.internal.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import oshi.software.os.linux.LinuxOperatingSystem;

/**
 * Reads resident memory and CPU time of single processes and the machine's used memory through
 * oshi. One shared instance: oshi's start-up (native bindings) is paid once per JVM.
 *
 * <p>On Linux a process is read from {@code /proc/<pid>/stat} alone (with oshi's page size and
 * clock rate): oshi's full process snapshot reads several files and costs milliseconds per sample,
 * which a short trial on a busy machine feels.
 */
final class ResourceSampler {
  private static final double MIB = 1024.0 * 1024.0;
  private static volatile ResourceSampler shared;

  private final OperatingSystem os;
  private final GlobalMemory memory;
  private final boolean linux;
  private final long pageSize;
  private final double ticksPerSecond;

  private ResourceSampler() {
    SystemInfo info = new SystemInfo();
    this.os = info.getOperatingSystem();
    this.memory = info.getHardware().getMemory();
    this.linux = SystemInfo.getCurrentPlatform() == PlatformEnum.LINUX;
    this.pageSize = linux ? LinuxOperatingSystem.getPageSize() : 0;
    this.ticksPerSecond = linux ? LinuxOperatingSystem.getHz() : 0;
    process(ProcessHandle.current().pid()); // loads the classes now, not during a trial's first sample
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

  /**
   * One process's resident memory (MiB) and CPU time (seconds), or null when it is gone. A zombie
   * (exited, not yet reaped) or a process caught mid-exec reports no memory: not a measurement.
   */
  ProcessSample process(long pid) {
    return linux ? fromProcStat(pid) : fromOshi(pid);
  }

  private ProcessSample fromOshi(long pid) {
    OSProcess p = os.getProcess((int) pid);
    if (p == null || p.getState() == OSProcess.State.INVALID || p.getState() == OSProcess.State.ZOMBIE
        || p.getResidentSetSize() == 0) {
      return null;
    }
    return new ProcessSample(p.getResidentSetSize() / MIB, (p.getKernelTime() + p.getUserTime()) / 1000.0);
  }

  private ProcessSample fromProcStat(long pid) {
    String stat;
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      stat = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return null; // gone
    }
    // After "pid (comm) ": state, ppid, ... utime (14th field), stime (15th), ..., rss in pages (24th).
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long rssPages = Long.parseLong(f[21]);
    if (f[0].equals("Z") || rssPages == 0) {
      return null;
    }
    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / ticksPerSecond;
    return new ProcessSample(rssPages * pageSize / MIB, cpu);
  }

  /** Memory in use on the machine (total minus available), MiB. */
  double systemUsedMiB() {
    return (memory.getTotal() - memory.getAvailable()) / MIB;
  }

  record ProcessSample(double rssMiB, double cpuSeconds) {}
}
