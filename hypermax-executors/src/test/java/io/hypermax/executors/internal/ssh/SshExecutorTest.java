package io.hypermax.executors.internal.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.executors.Executors;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ssh executor against embedded MINA SSHD servers on loopback (no root needed). */
class SshExecutorTest {
  @TempDir Path dir;
  private Path userKey;
  private EmbeddedSshd sshd;
  private Path knownHosts;

  @BeforeEach
  void start() throws Exception {
    userKey = EmbeddedSshd.userKey(dir);
    sshd = EmbeddedSshd.start(dir, "a", userKey);
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    sshd.close();
  }

  private Executor ssh(Map<String, Object> extra, String... hosts) throws Exception {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "ssh");
    f.put("hosts", hosts.length == 0 ? List.of(sshd.host()) : List.of(hosts));
    f.put("identity_file", userKey.toString());
    f.put("known_hosts", knownHosts.toString());
    f.putAll(extra);
    return Executors.create(JsonValues.MAPPER.writeValueAsString(f), dir, dir);
  }

  private static Map<String, Object> config(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private TrialResult run(Executor e, int number, Map<String, Object> params) throws InterruptedException {
    return e.run(Executors.request(number, params, dir));
  }

  @Test
  void parametersArriveOnStdinInTheParamsFileAndAsPlaceholders() throws Exception {
    String script = "stdin=$(cat); file=$(cat \"$HYPERMAX_PARAMS\"); echo \"args: {x} {opt.on}\";"
        + " echo \"stdin: $stdin\"; echo to-stderr >&2; [ \"$stdin\" = \"$file\" ] || exit 3;"
        + " echo '{\"loss\": '{x}', \"flag\": \"'{opt.on}'\"}'";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", 0.25);
    params.put("opt", Map.of("on", true));
    try (Executor e = ssh(config("command", script))) {
      TrialResult r = run(e, 0, params);
      assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
      assertEquals(0.25, r.loss());
      assertEquals("true", r.metadata().get("flag"));
      assertEquals(sshd.host(), r.metadata().get(SshExecutor.HOST_COLUMN));
      assertTrue(r.usage().wallSeconds() > 0);
      String log = Executors.log(dir, 0);
      assertTrue(log.contains("args: 0.25 true"), log);
      assertTrue(log.contains("stdin: {\"x\":0.25,\"opt\":{\"on\":true}}"), log);
      assertTrue(log.contains("to-stderr"), log);
    }
  }

  @Test
  void theResultFileAndNonZeroExitsAreReadAsForExecutable() throws Exception {
    try (Executor e = ssh(config("command", "echo 7; echo '{\"loss\": 0.5, \"note\": \"file\"}' > \"$HYPERMAX_RESULT\""))) {
      TrialResult r = run(e, 0, Map.of());
      assertEquals(0.5, r.loss(), r.error());
      assertEquals("file", r.metadata().get("note"));
    }
    try (Executor e = ssh(config("command", "echo broken >&2; exit 4"))) {
      TrialResult r = run(e, 1, Map.of());
      assertEquals(TrialStatus.FAILED, r.status());
      assertEquals("the command exited with code 4 (last output: broken)", r.error());
    }
  }

  /** A handle that records reports and prunes at step 3, as a study with such a pruner would. */
  private static final class PruneAtThree implements io.hypermax.core.pruning.TrialHandle {
    final List<Long> steps = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public int number() {
      return 0;
    }

    @Override
    public boolean report(long step, double value) {
      steps.add(step);
      return step >= 3;
    }

    @Override
    public boolean shouldPrune() {
      return steps.contains(3L);
    }
  }

  private TrialResult runReporting(Executor e, PruneAtThree handle, double grace) throws InterruptedException {
    var plain = Executors.request(0, Map.of(), dir);
    return e.run(new io.hypermax.core.spi.TrialRequest(
        0, plain.parameters(), plain.flatParameters(), plain.logFile(), plain.logName(), handle, grace));
  }

  @Test
  void aRemoteCommandReportsOnStdoutAndReadsTheDecisionFromItsReplyFile() throws Exception {
    String script = "i=1; while [ $i -le 10 ]; do echo \"hypermax:report $i 0.$i\";"
        + " until grep -q \"^$i \" \"$HYPERMAX_REPORT_REPLY\"; do sleep 0.02; done;"
        + " if grep -q \"^$i prune\" \"$HYPERMAX_REPORT_REPLY\"; then echo \"heard prune at $i\"; echo 0.$i; exit 0; fi;"
        + " i=$((i+1)); done; echo 1";
    PruneAtThree handle = new PruneAtThree();
    try (Executor e = ssh(config("command", script))) {
      TrialResult r = runReporting(e, handle, 10);
      assertEquals(List.of(1L, 2L, 3L), handle.steps);
      assertEquals(0.3, r.loss(), r.error());
      String log = Executors.log(dir, 0);
      assertTrue(log.contains("heard prune at 3"), log);
    }
  }

  @Test
  void aRemoteCommandThatIgnoresTheDecisionGetsSigterm() throws Exception {
    String script = "trap 'echo got SIGTERM; exit 143' TERM; i=1; while :; do echo \"hypermax:report $i 0.5\"; sleep 0.05; i=$((i+1)); done";
    PruneAtThree handle = new PruneAtThree();
    try (Executor e = ssh(config("command", script))) {
      runReporting(e, handle, 0.3);
      String log = Executors.log(dir, 0);
      assertTrue(log.contains("sending SIGTERM"), log);
      assertTrue(log.contains("got SIGTERM"), log);
    }
  }

  /** Every kind of shell metacharacter, in every quoting context: the values arrive intact and nothing runs. */
  @Test
  void noParameterValueCanInjectACommand() throws Exception {
    Path marker = dir.resolve("pwned");
    String m = marker.toString();
    List<String> attacks = List.of(
        "; touch " + m + ";", "$(touch " + m + ")", "`touch " + m + "`", "\"; touch " + m + "; echo \"",
        "'; touch " + m + "; echo '", "a\ntouch " + m, "\\\"$(touch " + m + ")\\\"", "|| touch " + m, "&& touch " + m,
        "${IFS}touch${IFS}" + m, "*", "'\"'\"'; touch " + m);
    Path out = dir.resolve("out");
    String command = "printf '%s\\n' {v} > " + out + "; printf '%s\\n' \"{v}\" >> " + out
        + "; printf '%s\\n' '{v}' >> " + out + "; echo 1";
    try (Executor e = ssh(config("command", command))) {
      for (int i = 0; i < attacks.size(); i++) {
        String attack = attacks.get(i);
        TrialResult r = run(e, i, Map.of("v", attack));
        assertEquals(TrialStatus.COMPLETE, r.status(), attack + ": " + r.error());
        assertFalse(Files.exists(marker), "the value " + attack + " ran a command");
        String expected = attack + "\n" + attack + "\n" + attack + "\n";
        assertEquals(expected, Files.readString(out), "the value " + attack + " did not arrive intact");
      }
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedNamingTheHostAndTheFingerprint() throws Exception {
    Files.writeString(knownHosts, "");
    try (Executor e = ssh(config("command", "touch " + dir.resolve("ran") + "; echo 1"))) {
      TrialResult r = run(e, 0, Map.of());
      assertEquals(TrialStatus.FAILED, r.status());
      assertTrue(r.error().contains("[127.0.0.1]:" + sshd.port() + " is not in " + knownHosts), r.error());
      assertTrue(r.error().contains("SHA256:"), r.error());
      assertFalse(Files.exists(dir.resolve("ran")));
    }
  }

  @Test
  void aChangedHostKeyIsRefusedEvenWithAcceptNew() throws Exception {
    try (EmbeddedSshd other = EmbeddedSshd.start(dir, "b", userKey)) {
      // known_hosts holds the other server's key for this server's address
      Files.writeString(knownHosts, other.knownHostsLine().replace(":" + other.port() + " ", ":" + sshd.port() + " ") + "\n");
      if (other.knownHostsLine().equals(sshd.knownHostsLine().replace(":" + sshd.port(), ":" + other.port()))) {
        return; // both generated the same key (cannot happen with fresh keys)
      }
      try (Executor e = ssh(config("command", "echo 1", "strict_host_key_checking", "accept-new"))) {
        TrialResult r = run(e, 0, Map.of());
        assertEquals(TrialStatus.FAILED, r.status());
        assertTrue(r.error().contains("NOT the key " + knownHosts), r.error());
        assertTrue(r.error().contains("has changed"), r.error());
      }
    }
  }

  @Test
  void acceptNewAddsAnUnknownHostsKey() throws Exception {
    Files.delete(knownHosts);
    try (Executor e = ssh(config("command", "echo 1", "strict_host_key_checking", "accept-new"))) {
      assertEquals(TrialStatus.COMPLETE, run(e, 0, Map.of()).status());
    }
    assertTrue(Files.readString(knownHosts).contains("[127.0.0.1]:" + sshd.port()), Files.readString(knownHosts));
    Files.writeString(knownHosts, Files.readString(knownHosts)); // and the file now passes strict checking
    try (Executor e = ssh(config("command", "echo 2"))) {
      assertEquals(2.0, run(e, 1, Map.of()).loss());
    }
  }

  @Test
  void theTimeLimitKillsTheRemoteProcessGroup() throws Exception {
    String tag = "37." + ProcessHandle.current().pid();
    try (Executor e = ssh(config("command", "sleep " + tag + " & sleep " + tag + "; echo 1",
        "auto_kill_max_time", 1, "auto_kill_loss", 9))) {
      long t = System.nanoTime();
      TrialResult r = run(e, 0, Map.of());
      double took = (System.nanoTime() - t) / 1e9;
      assertEquals(TrialStatus.KILLED, r.status());
      assertEquals(9.0, r.loss());
      assertTrue(r.error().startsWith("killed: auto_kill_max_time 1 s exceeded"), r.error());
      assertTrue(took < 6, "took " + took + " s");
    }
    assertEquals(List.of(), survivors("sleep " + tag));
  }

  @Test
  void theRamLimitSamplesTheRemoteTreeAndKillsIt() throws Exception {
    String tag = "38." + ProcessHandle.current().pid();
    // A child of the command allocates 200 MiB: only the tree's sum crosses the limit.
    String command = "python3 -c 'import time; b = bytearray(200 * 1024 * 1024); time.sleep(" + tag + ")'; echo 1";
    try (Executor e = ssh(config("command", command, "auto_kill_max_ram", 100, "auto_kill_loss", 9))) {
      TrialResult r = run(e, 0, Map.of());
      assertEquals(TrialStatus.KILLED, r.status(), r.error());
      assertTrue(r.error().startsWith("killed: auto_kill_max_ram 100 MiB exceeded"), r.error());
      assertTrue(r.usage().peakRssMiB() > 100, "peak " + r.usage().peakRssMiB());
    }
    assertEquals(List.of(), survivors("time.sleep(" + tag));
  }

  @Test
  void syncCopiesTheFolderOnceAndThenOnlyWhatChanged() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/sub"));
    Files.writeString(src.resolve("model.sh"), "echo 0.125\n");
    Files.writeString(dir.resolve("src/data.txt"), "data");
    Path remote = dir.resolve("remote/work");
    Map<String, Object> cfg = config(
        "command", "sh sub/model.sh", "directory", remote.toString(),
        "sync", Map.of("from", "src", "to", remote.toString(), "method", "sftp"));
    String with = " with SFTP: ";
    try (Executor e = ssh(cfg)) {
      assertEquals(0.125, run(e, 0, Map.of()).loss());
      assertTrue(Executors.log(dir, 0).contains(with + "2 file(s) sent"), Executors.log(dir, 0));
      assertEquals(0.5, run(e, 1, Map.of("x", 1)).loss() * 4); // no second sync on the same host
      assertFalse(Executors.log(dir, 1).contains("synced"), Executors.log(dir, 1));
    }
    Files.writeString(src.resolve("model.sh"), "echo 0.25\n");
    Files.setLastModifiedTime(src.resolve("model.sh"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
    try (Executor e = ssh(cfg)) {
      assertEquals(0.25, run(e, 2, Map.of()).loss());
      assertTrue(Executors.log(dir, 2).contains(with + "1 file(s) sent (10 bytes), 1 unchanged"), Executors.log(dir, 2));
    }
    assertEquals("data", Files.readString(remote.resolve("data.txt")));
  }

  @Test
  void anUnreachableHostIsSkippedAndTheTrialRunsOnAnother() throws Exception {
    int closed = freePort();
    String dead = System.getProperty("user.name") + "@127.0.0.1:" + closed;
    try (Executor e = ssh(config("command", "echo 1"), dead, sshd.host())) {
      for (int i = 0; i < 4; i++) {
        TrialResult r = run(e, i, Map.of());
        assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
        assertEquals(sshd.host(), r.metadata().get(SshExecutor.HOST_COLUMN));
      }
    }
  }

  @Test
  void aHostThatDropsMidTrialHandsTheTrialToAnother() throws Exception {
    String tag = "39." + ProcessHandle.current().pid();
    try (EmbeddedSshd other = EmbeddedSshd.start(dir, "b", userKey)) {
      Files.writeString(knownHosts, sshd.knownHostsLine() + "\n" + other.knownHostsLine() + "\n");
      String command = "if [ -e " + dir.resolve("dropped") + " ]; then echo 0.5; else sleep " + tag + "; echo 1; fi";
      try (Executor e = ssh(config("command", command), sshd.host(), other.host())) {
        Thread stopper = new Thread(() -> {
          try {
            while (survivors("sleep " + tag).isEmpty()) {
              Thread.sleep(20);
            }
            Files.writeString(dir.resolve("dropped"), "");
            sshd.close(); // the first host (least busy, first listed) goes away mid-trial
          } catch (Exception ex) {
            throw new RuntimeException(ex);
          }
        });
        stopper.start();
        TrialResult r = run(e, 0, Map.of());
        stopper.join();
        assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
        assertEquals(0.5, r.loss());
        assertEquals(other.host(), r.metadata().get(SshExecutor.HOST_COLUMN));
        assertTrue(Executors.log(dir, 0).contains("the trial runs again on another host"), Executors.log(dir, 0));
      }
    }
    long deadline = System.currentTimeMillis() + 5000;
    while (!survivors("sleep " + tag).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(List.of(), survivors("sleep " + tag), "the dropped host's trial must not keep running");
  }

  @Test
  void whenEveryHostIsDownTheTrialWaitsThenFailsAfterTheTimeout() throws Exception {
    String dead = System.getProperty("user.name") + "@127.0.0.1:" + freePort();
    try (Executor e = ssh(config("command", "echo 1", "hosts_down_timeout", 2), dead)) {
      long t = System.nanoTime();
      TrialResult r = run(e, 0, Map.of());
      double took = (System.nanoTime() - t) / 1e9;
      assertEquals(TrialStatus.FAILED, r.status());
      assertTrue(r.error().startsWith("every host has been down for 2 s (hosts_down_timeout): " + dead + ": cannot connect"),
          r.error());
      assertTrue(took >= 2 && took < 10, "took " + took);
    }
  }

  @Test
  void badConfigIsAClearError() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> ssh(config("command", "x", "hosts", List.of())));
    assertTrue(e.getMessage().contains("hosts"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ssh(config("command", "x", "strict_host_key_checking", "no")));
    assertTrue(e.getMessage().contains("host keys are always checked"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ssh(config("command", "x", "hosts", List.of("a@b:99999"))));
    assertTrue(e.getMessage().contains("a@b:99999"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ssh(config("command", "x", "password", "secret")));
    assertTrue(e.getMessage().contains("password"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void theLocalhostExampleIsAValidConfig() throws Exception {
    Path file = Path.of("..", "hypermax-examples", "ssh", "search.yaml").toAbsolutePath().normalize();
    io.hypermax.core.internal.config.HypermaxConfig config = io.hypermax.core.internal.config.ConfigLoader.load(file);
    SshSettings s = SshProvider.settings(new io.hypermax.core.spi.ExecutorProvider.Context(
        config.function(), config.directory(), dir, config.space()));
    assertEquals(2, s.totalSlots());
    assertEquals("hypermax-example-ssh", s.directory());
    assertTrue(Files.isRegularFile(s.sync().from().resolve("descent.awk")), s.sync().toString());
  }

  @Test
  void hostsParseWithUsersPortsAndSlots() throws Exception {
    SshHost h = SshHost.parse(new io.hypermax.core.config.ConfigNode("c", "h", JsonValues.MAPPER.readTree("\"me@gpu2:2222\"")), "x");
    assertEquals(new SshHost("me", "gpu2", 2222, 1), h);
    h = SshHost.parse(new io.hypermax.core.config.ConfigNode("c", "h",
        JsonValues.MAPPER.readTree("{\"host\": \"gpu3\", \"user\": \"me\", \"slots\": 2}")), "x");
    assertEquals(new SshHost("me", "gpu3", 22, 2), h);
    assertEquals("x@gpu1", SshHost.parse(new io.hypermax.core.config.ConfigNode("c", "h",
        JsonValues.MAPPER.readTree("\"gpu1\"")), "x").label());
  }

  /** Processes on this machine (where the embedded server runs them) whose command line contains {@code text}. */
  static List<String> survivors(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(text) && !c.contains("sh -c")).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
