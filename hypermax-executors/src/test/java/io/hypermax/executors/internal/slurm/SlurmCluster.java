package io.hypermax.executors.internal.slurm;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node Slurm 22.05 (slurmctld + slurmd) started for a test on 127.0.0.1, free ports and a
 * temporary folder (infra-on-loopback.md recipe); the test is SKIPPED with the reason when it cannot start.
 */
public final class SlurmCluster implements AutoCloseable {
  final Path dir;
  public final Path conf;

  private SlurmCluster(Path dir) {
    this.dir = dir;
    this.conf = dir.resolve("slurm.conf");
  }

  public static SlurmCluster startOrSkip() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/slurmctld")) && Files.isExecutable(Path.of("/usr/sbin/slurmd")),
        "SKIPPED: Slurm is not installed (/usr/sbin/slurmctld; apt-get install slurm-wlm)");
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: starting slurmd needs root");
    Path d = Files.createTempDirectory("hypermax-slurm");
    for (String sub : List.of("state", "spool", "log")) {
      Files.createDirectories(d.resolve(sub));
    }
    int ctld = freePort();
    int slurmd = freePort();
    Files.writeString(d.resolve("slurm.conf"), """
        ClusterName=hypermaxtest
        SlurmctldHost=localhost(127.0.0.1)
        SlurmctldPort=%d
        SlurmdPort=%d
        AuthType=auth/none
        CredType=cred/none
        ProctrackType=proctrack/linuxproc
        TaskPlugin=task/none
        SelectType=select/cons_tres
        SelectTypeParameters=CR_Core
        StateSaveLocation=%s/state
        SlurmdSpoolDir=%s/spool
        SlurmctldPidFile=%s/slurmctld.pid
        SlurmdPidFile=%s/slurmd.pid
        SlurmctldLogFile=%s/log/slurmctld.log
        SlurmdLogFile=%s/log/slurmd.log
        NodeName=localnode NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=2 RealMemory=1000 State=UNKNOWN
        PartitionName=debug Nodes=localnode Default=YES MaxTime=INFINITE State=UP
        """.formatted(ctld, slurmd, d, d, d, d, d, d));
    SlurmCluster c = new SlurmCluster(d);
    String a = c.run("/usr/sbin/slurmctld", "-i");
    String b = a == null ? c.run("/usr/sbin/slurmd", "-N", "localnode") : null;
    if (a != null || b != null) {
      c.close();
      Assumptions.abort("SKIPPED: Slurm did not start: " + (a != null ? a : b));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Process p = c.process("sinfo", "-h", "-o", "%t");
      String state = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      if (state.equals("idle")) {
        return c;
      }
      Thread.sleep(200);
    }
    c.close();
    Assumptions.abort("SKIPPED: the Slurm node did not become idle within 20 s");
    return null;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Map<String, String> env() {
    return Map.of("SLURM_CONF", conf.toString());
  }

  private Process process(String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env());
    return pb.start();
  }

  /** What the command printed, stripped. */
  public String output(String... cmd) throws Exception {
    Process p = process(cmd);
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** Null on success, else the output. */
  String run(String... cmd) throws Exception {
    Process p = process(cmd);
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(30, TimeUnit.SECONDS);
    return p.exitValue() == 0 ? null : cmd[0] + ": " + out.strip();
  }

  @Override
  public void close() throws Exception {
    for (String pid : List.of("slurmd.pid", "slurmctld.pid")) {
      Path f = dir.resolve(pid);
      if (Files.exists(f)) {
        long id = Long.parseLong(Files.readString(f).strip());
        ProcessHandle.of(id).ifPresent(h -> {
          h.destroy();
          h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        });
      }
    }
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }
}
