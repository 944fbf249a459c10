package io.hypermax.executors.internal.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hypermax.executors.internal.process.KillLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sync} makes of this machine's rsync probe, against an embedded MINA SSHD on loopback: only a definite
 * answer is kept, an interrupted probe interrupts the sync, and an undecided one never refuses the host for good.
 */
class FolderSyncTest {
  @TempDir Path dir;
  private EmbeddedSshd sshd;
  private HostConnection connection;

  @BeforeEach
  void start() throws Exception {
    Path userKey = EmbeddedSshd.userKey(dir);
    sshd = EmbeddedSshd.start(dir, "a", userKey);
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    SshHost host = new SshHost(System.getProperty("user.name"), "127.0.0.1", sshd.port(), 1);
    SshSettings settings = new SshSettings(List.of(host), "true", ".", null, userKey, knownHosts, false, Map.of(),
        KillLimits.NONE, 10_000, 0, 60);
    connection = new HostConnection(host, settings);
  }

  @AfterEach
  void stop() throws Exception {
    connection.close();
    sshd.close();
  }

  private SshSettings.Sync sync(String method) throws Exception {
    Path from = Files.createDirectories(dir.resolve("src"));
    Files.writeString(from.resolve("train.sh"), "echo 1\n");
    return new SshSettings.Sync(from, dir.resolve("remote-" + method).toString(), method);
  }

  /** A probe that answers from {@code answers} in turn, counting its calls; a null answer is an interruption. */
  private static LocalRsync.Probe answering(AtomicInteger calls, LocalRsync.Answer... answers) {
    return () -> {
      LocalRsync.Answer a = answers[Math.min(calls.getAndIncrement(), answers.length - 1)];
      if (a == null) {
        throw new InterruptedException("cancelled");
      }
      return a;
    };
  }

  @Test
  void anInterruptedProbeInterruptsTheSyncAndTheNextSyncAsksAgainAndUsesRsync() throws Exception {
    assumeTrue(LocalRsync.probe(System.getenv("PATH")) == LocalRsync.Answer.WORKS, "rsync is not installed here");
    AtomicInteger calls = new AtomicInteger();
    LocalRsync local = new LocalRsync(answering(calls, null, LocalRsync.Answer.WORKS));
    List<String> notes = new ArrayList<>();
    SshSettings.Sync auto = sync("auto");
    assertThrows(InterruptedException.class, () -> FolderSync.sync(connection, auto, notes::add, local));
    assertEquals(List.of(), notes, "an interrupted probe is no reason to fall back to SFTP");
    FolderSync.Stats stats = FolderSync.sync(connection, auto, notes::add, local);
    assertEquals("rsync", stats.method(), notes.toString());
    assertEquals(1, stats.sent());
    assertEquals(List.of(), notes);
    FolderSync.sync(connection, auto, notes::add, local);
    assertEquals(2, calls.get(), "the definite answer was kept");
  }

  @Test
  void withSyncMethodRsyncOnlyADefiniteNoRefusesTheHostForGood() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    LocalRsync local = new LocalRsync(answering(calls, LocalRsync.Answer.UNKNOWN, LocalRsync.Answer.MISSING));
    SshSettings.Sync rsync = sync("rsync");
    HostUnavailableException undecided =
        assertThrows(HostUnavailableException.class, () -> FolderSync.sync(connection, rsync, m -> {}, local));
    assertFalse(undecided.permanent(), undecided.getMessage());
    assertTrue(undecided.getMessage().contains("rsync could not be started on this machine"), undecided.getMessage());
    HostUnavailableException missing =
        assertThrows(HostUnavailableException.class, () -> FolderSync.sync(connection, rsync, m -> {}, local));
    assertTrue(missing.permanent(), missing.getMessage());
    assertTrue(missing.getMessage().contains("sync.method is rsync, but rsync is not installed on this machine"), missing.getMessage());
    assertThrows(HostUnavailableException.class, () -> FolderSync.sync(connection, rsync, m -> {}, local));
    assertEquals(2, calls.get(), "the undecided answer was asked again, the definite one kept");
  }

  @Test
  void anRsyncThatNeverStartsCountsAsMissingAfterAFewUndecidedProbes() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    LocalRsync local = new LocalRsync(answering(calls, LocalRsync.Answer.UNKNOWN));
    for (int i = 1; i < LocalRsync.MAX_UNKNOWN; i++) {
      assertEquals(LocalRsync.Answer.UNKNOWN, local.answer(), "probe " + i);
    }
    assertEquals(LocalRsync.Answer.MISSING, local.answer());
    assertEquals(LocalRsync.Answer.MISSING, local.answer());
    assertEquals(LocalRsync.MAX_UNKNOWN, calls.get(), "decided, then kept");
  }

  @Test
  void theProbeOfThisMachineIsInterruptibleAndKnowsAPathWithoutRsync() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no-rsync-here"));
    assertEquals(LocalRsync.Answer.MISSING, LocalRsync.probe(empty.toString()));
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> LocalRsync.probe(System.getenv("PATH")));
    assertFalse(Thread.interrupted(), "the interruption was handed on as InterruptedException");
  }
}
