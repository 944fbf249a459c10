package io.hypermax.executors.internal.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.SearchRun;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.executors.Executors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh executor against two real OpenSSH servers on loopback ("two hosts" = two sshd on two
 * ports), started by the test as root. Skipped, saying why, where sshd cannot run.
 */
class OpenSshIntegrationTest {
  @TempDir Path dir;
  private OpenSshd a;
  private OpenSshd b;
  private Path userKey;
  private Path knownHosts;
  private final String tag = String.valueOf(ProcessHandle.current().pid());

  @BeforeEach
  void start() throws Exception {
    OpenSshd.requireAvailable();
    userKey = OpenSshd.keyPair(dir, "userkey");
    a = OpenSshd.start(dir.resolve("a"), userKey);
    b = OpenSshd.start(dir.resolve("b"), userKey);
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, a.knownHostsLine() + "\n" + b.knownHostsLine() + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  /** A search config (YAML) across both servers. */
  private Path config(String hyperparameters, String function, int iterations) throws Exception {
    Path file = dir.resolve("search.yaml");
    Files.writeString(file, String.join("\n",
        "hyperparameters:",
        "  type: object",
        "  properties:",
        hyperparameters.indent(4).stripTrailing(),
        "function:",
        "  type: ssh",
        "  hosts: [" + a.host() + ", " + b.host() + "]",
        "  identity_file: " + userKey,
        "  known_hosts: " + knownHosts,
        // no function.parallel: the pool's two slots run two trials at once
        function.indent(2).stripTrailing(),
        "search:",
        "  method: random",
        "  iterations: " + iterations,
        "  seed: 7",
        "results:",
        "  directory: results",
        "  graphs: false",
        "ui:",
        "  enabled: false",
        ""));
    return file;
  }

  private SearchRun prepare(Path config, StudyListener listener) {
    return SearchRun.prepare(ConfigLoader.load(config), Plugins.load(),
        new SearchRun.Options(dir, null, listener == null ? List.of() : List.of(listener), w -> {}));
  }

  private static List<Map<String, String>> csv(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void aSearchRunsAcrossBothHostsAndResultsCsvNamesTheHostPeakRssAndWallTime() throws Exception {
    Path config = config("x: {type: number, min: 0, max: 1}", "command: sleep 0.8; echo {x}", 8);
    try (SearchRun run = prepare(config, null)) {
      assertEquals(2, run.parallelism(), "parallel defaults to the total slots of the pool");
      Study.Outcome outcome = run.run();
      assertEquals(8, outcome.snapshot().trials().size());
      outcome.snapshot().trials().forEach(t -> assertEquals(TrialStatus.COMPLETE, t.status(), t.result().error()));
      List<Map<String, String>> rows = csv(run.resultsDirectory().resolve("results.csv"));
      assertEquals(8, rows.size());
      Set<String> hosts = new HashSet<>();
      for (Map<String, String> row : rows) {
        hosts.add(row.get(SshExecutor.HOST_COLUMN));
        assertTrue(Double.parseDouble(row.get("wall_seconds")) >= 0.8, row.toString());
        assertFalse(row.get("peak_rss_mib").isEmpty(), rows.toString());
        assertTrue(Double.parseDouble(row.get("peak_rss_mib")) > 0, row.toString());
        assertEquals(Double.parseDouble(row.get("x")), Double.parseDouble(row.get("loss")), 1e-9);
      }
      assertEquals(Set.of(a.host(), b.host()), hosts);
    }
  }

  @Test
  void oneSshdKilledMidSearchAndTheSearchCompletesWithExactlyIterationsTrials() throws Exception {
    String sleep = "sleep 0.4" + tag;
    Path config = config("x: {type: number, min: 0, max: 1}", "command: " + sleep + "; echo {x}", 12);
    AtomicBoolean killed = new AtomicBoolean();
    List<Integer> finishedBeforeKill = new ArrayList<>();
    StudyListener killer = new StudyListener() {
      @Override
      public void trialFinished(Trial trial, StudySnapshot snapshot) {
        if (snapshot.trials().stream().filter(Trial::isFinished).count() == 3 && killed.compareAndSet(false, true)) {
          finishedBeforeKill.add(trial.number());
          try {
            a.kill(); // trials running on a are cut off mid-run
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    try (SearchRun run = prepare(config, killer)) {
      Study.Outcome outcome = run.run();
      assertTrue(killed.get());
      List<Trial> trials = outcome.snapshot().trials();
      assertEquals(12, trials.size());
      assertEquals(12, trials.stream().map(Trial::number).distinct().count());
      for (Trial t : trials) {
        assertEquals(TrialStatus.COMPLETE, t.status(), "trial " + t.number() + ": " + t.result().error());
      }
      List<Map<String, String>> rows = csv(run.resultsDirectory().resolve("results.csv"));
      assertEquals(12, rows.size());
      long onB = rows.stream().filter(r -> r.get(SshExecutor.HOST_COLUMN).equals(b.host())).count();
      assertTrue(onB >= 9, "after the kill every trial runs on b; on b: " + onB);
    }
    awaitNoSurvivors(sleep);
  }

  @Test
  void anUnknownHostKeyIsRefusedWithTheHostAndItsFingerprint() throws Exception {
    Files.writeString(knownHosts, b.knownHostsLine() + "\n"); // a is unknown
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "ssh");
    f.put("hosts", List.of(a.host()));
    f.put("identity_file", userKey.toString());
    f.put("known_hosts", knownHosts.toString());
    f.put("command", "touch " + dir.resolve("ran") + "; echo 1");
    try (Executor e = Executors.create(JsonValues.MAPPER.writeValueAsString(f), dir, dir)) {
      TrialResult r = e.run(Executors.request(0, Map.of(), dir));
      assertEquals(TrialStatus.FAILED, r.status());
      String expected = "host [127.0.0.1]:" + a.port + " is not in " + knownHosts + " (it offered ssh-ed25519 key "
          + a.fingerprint() + ")";
      assertTrue(r.error().contains(expected), r.error() + "\nexpected: " + expected);
    }
    assertFalse(Files.exists(dir.resolve("ran")));
  }

  @Test
  void anInjectionAttemptInAnEnumValueRunsNothing() throws Exception {
    Path marker = dir.resolve("pwned");
    List<String> values = List.of(
        "plain", "$(touch " + marker + ")", "`touch " + marker + "`", "'; touch " + marker + "; '",
        "\"; touch " + marker + "; \"", "; touch " + marker, "| touch " + marker);
    StringBuilder yamlList = new StringBuilder();
    for (String v : values) {
      yamlList.append(yamlList.length() == 0 ? "" : ", ").append(JsonValues.MAPPER.writeValueAsString(v));
    }
    Path seen = dir.resolve("seen.txt");
    Path config = config(
        "v: {type: string, enum: [" + yamlList + "]}",
        "command: printf '%s\\n' {v} >> " + seen + "; echo 1", 20);
    try (SearchRun run = prepare(config, null)) {
      Study.Outcome outcome = run.run();
      assertEquals(20, outcome.snapshot().trials().size());
      outcome.snapshot().trials().forEach(t -> assertEquals(TrialStatus.COMPLETE, t.status(), t.result().error()));
    }
    assertFalse(Files.exists(marker), "an enum value ran a command");
    List<String> arrived = Files.readAllLines(seen);
    assertEquals(20, arrived.size());
    assertTrue(values.containsAll(arrived), "values arrived changed: " + arrived);
    assertTrue(new HashSet<>(arrived).size() >= 4, "the random search tried several values: " + arrived);
  }

  @Test
  void aRemoteSleepIsKilledOnTimeAndLeavesNoRemoteProcess() throws Exception {
    String sleep = "sleep 30" + tag;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "ssh");
    f.put("hosts", List.of(a.host()));
    f.put("identity_file", userKey.toString());
    f.put("known_hosts", knownHosts.toString());
    f.put("command", "sh -c '" + sleep + " & " + sleep + "'; echo 1");
    f.put("auto_kill_max_time", 1);
    f.put("auto_kill_loss", 5);
    try (Executor e = Executors.create(JsonValues.MAPPER.writeValueAsString(f), dir, dir)) {
      long t = System.nanoTime();
      TrialResult r = e.run(Executors.request(0, Map.of(), dir));
      double took = (System.nanoTime() - t) / 1e9;
      assertEquals(TrialStatus.KILLED, r.status(), r.error());
      assertEquals(5.0, r.loss());
      assertTrue(r.error().startsWith("killed: auto_kill_max_time 1 s exceeded"), r.error());
      assertTrue(took >= 1 && took < 5, "took " + took + " s");
      // checked right away: the kill waited until the remote process group was gone
      assertEquals(List.of(), SshExecutorTest.survivors(sleep));
      assertTrue(Executors.log(dir, 0).contains("[hypermax] killed: auto_kill_max_time"), Executors.log(dir, 0));
    }
  }

  @Test
  void syncSendsTheFolderBeforeTheFirstTrialOnEachHost() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("model.sh"), "echo 0.75\n");
    Path remoteA = dir.resolve("on-a");
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "ssh");
    f.put("hosts", List.of(a.host()));
    f.put("identity_file", userKey.toString());
    f.put("known_hosts", knownHosts.toString());
    f.put("command", "sh model.sh");
    f.put("directory", remoteA.toString());
    f.put("sync", Map.of("from", src.toString(), "to", remoteA.toString()));
    try (Executor e = Executors.create(JsonValues.MAPPER.writeValueAsString(f), dir, dir)) {
      assertEquals(0.75, e.run(Executors.request(0, Map.of(), dir)).loss());
      assertTrue(Executors.log(dir, 0).contains("1 file(s) sent"), Executors.log(dir, 0));
    }
    assertEquals("echo 0.75\n", Files.readString(remoteA.resolve("model.sh")));
  }

  /** An executor on one host that syncs {@code src} to {@code remote} and runs {@code sh model.sh} there. */
  private Executor syncing(OpenSshd host, Path src, Path remote, String method) throws Exception {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "ssh");
    f.put("hosts", List.of(host.host()));
    f.put("identity_file", userKey.toString());
    f.put("known_hosts", knownHosts.toString());
    f.put("command", "sh model.sh");
    f.put("directory", remote.toString());
    f.put("sync", Map.of("from", src.toString(), "to", remote.toString(), "method", method));
    return Executors.create(JsonValues.MAPPER.writeValueAsString(f), dir, dir);
  }

  /** A source folder: model.sh (prints 0.75) and a 1 MiB data file of random bytes. */
  private Path source() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/sub"));
    Files.writeString(src.resolve("../model.sh"), "echo 0.75\n");
    byte[] data = new byte[1 << 20];
    new java.util.Random(3).nextBytes(data);
    Files.write(src.resolve("data.bin"), data);
    return dir.resolve("src");
  }

  /** Changes one byte in the middle of data.bin (and its time, so the quick check sees it). */
  private static void touchOneByte(Path src) throws Exception {
    Path data = src.resolve("sub/data.bin");
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length / 2] ^= 1;
    Files.write(data, bytes);
    Files.setLastModifiedTime(data, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
  }

  @Test
  void syncUsesRsyncOverTheSessionAndSendsOnlyTheChangedBytes() throws Exception {
    Path src = source();
    Path remote = dir.resolve("on-a-rsync");
    try (Executor e = syncing(a, src, remote, "auto")) {
      assertEquals(0.75, e.run(Executors.request(0, Map.of(), dir)).loss());
      String log = Executors.log(dir, 0);
      assertTrue(log.contains(" with rsync: 2 file(s) sent"), log);
    }
    assertEquals(-1, Files.mismatch(src.resolve("sub/data.bin"), remote.resolve("sub/data.bin")));
    touchOneByte(src);
    try (Executor e = syncing(a, src, remote, "auto")) {
      assertEquals(0.75, e.run(Executors.request(1, Map.of(), dir)).loss());
      String log = Executors.log(dir, 1);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(" with rsync: 1 file\\(s\\) sent \\((\\d+) bytes\\), 1 unchanged")
          .matcher(log);
      assertTrue(m.find(), log);
      // rsync's delta transfer: of the 1 MiB file only the block around the changed byte travels.
      assertTrue(Long.parseLong(m.group(1)) < 64 * 1024, "literal bytes sent: " + m.group(1));
    }
    assertEquals(-1, Files.mismatch(src.resolve("sub/data.bin"), remote.resolve("sub/data.bin")));
    assertEquals(Files.getLastModifiedTime(src.resolve("sub/data.bin")), Files.getLastModifiedTime(remote.resolve("sub/data.bin")));
  }

  /** A host whose PATH has every program of /usr/bin but rsync: sync falls back to SFTP, and still sends only what changed. */
  @Test
  void withoutRsyncOnTheHostSyncFallsBackToSftpAndSendsOnlyChangedFiles() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("no-rsync-bin"));
    try (java.util.stream.Stream<Path> programs = Files.list(Path.of("/usr/bin"))) {
      for (Path p : (Iterable<Path>) programs::iterator) {
        if (!p.getFileName().toString().equals("rsync")) {
          Files.createSymbolicLink(bin.resolve(p.getFileName()), p);
        }
      }
    }
    try (OpenSshd c = OpenSshd.start(dir.resolve("c"), userKey, "SetEnv PATH=" + bin)) {
      Files.writeString(knownHosts, c.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.APPEND);
      Path src = source();
      Path remote = dir.resolve("on-c-sftp");
      try (Executor e = syncing(c, src, remote, "auto")) {
        assertEquals(0.75, e.run(Executors.request(0, Map.of(), dir)).loss());
        String log = Executors.log(dir, 0);
        assertTrue(log.contains("sync uses SFTP: the host has no rsync on its PATH"), log);
        assertTrue(log.contains(" with SFTP: 2 file(s) sent"), log);
      }
      touchOneByte(src);
      try (Executor e = syncing(c, src, remote, "auto")) {
        assertEquals(0.75, e.run(Executors.request(1, Map.of(), dir)).loss());
        String log = Executors.log(dir, 1);
        assertTrue(log.contains(" with SFTP: 1 file(s) sent (1048576 bytes), 1 unchanged"), log);
      }
      assertEquals(-1, Files.mismatch(src.resolve("sub/data.bin"), remote.resolve("sub/data.bin")));
      // sync.method: rsync is refused on such a host, saying why.
      try (Executor e = syncing(c, src, dir.resolve("on-c-rsync"), "rsync")) {
        TrialResult r = e.run(Executors.request(2, Map.of(), dir));
        assertEquals(TrialStatus.FAILED, r.status());
        assertTrue(r.error().contains("sync.method is rsync, but the host has no rsync on its PATH"), r.error());
      }
    }
  }

  /** SFTP re-creates a symbolic link as a link (as rsync --links does): it never uploads what the link points to. */
  @Test
  void sftpSyncKeepsSymbolicLinksAsLinks() throws Exception {
    try (OpenSshd d = OpenSshd.start(dir.resolve("d"), userKey)) {
      Files.writeString(knownHosts, d.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.APPEND);
      Path src = source();
      Path secret = Files.writeString(dir.resolve("outside-the-folder.txt"), "not for the remote host");
      Files.createSymbolicLink(src.resolve("link.txt"), secret);
      Path remote = dir.resolve("on-d-sftp");
      try (Executor e = syncing(d, src, remote, "sftp")) {
        assertEquals(0.75, e.run(Executors.request(0, Map.of(), dir)).loss());
      }
      assertTrue(Files.isSymbolicLink(remote.resolve("link.txt")), "a link on the remote too");
      assertEquals(secret.toString(), Files.readSymbolicLink(remote.resolve("link.txt")).toString());
      try (Executor e = syncing(d, src, remote, "sftp")) {
        assertEquals(0.75, e.run(Executors.request(1, Map.of(), dir)).loss());
        String log = Executors.log(dir, 1);
        assertTrue(log.contains(" with SFTP: 0 file(s) sent"), "an unchanged link is not sent again: " + log);
      }
    }
  }

  private static void awaitNoSurvivors(String text) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (!SshExecutorTest.survivors(text).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(List.of(), SshExecutorTest.survivors(text), "processes left behind: " + Arrays.toString(new String[0]));
  }
}
