package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.executors.internal.ssh.OpenSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C (SIGINT) or SIGTERM of the {@code hypermax} CLI process kills the trials it runs over ssh:
 * a search of long remote sleeps on a real OpenSSH sshd (loopback, started here as root) is
 * signalled while two trials run, and afterwards no remote process of them is left.
 */
class SshInterruptTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalToTheCliKillsTheRemoteTrials(String signal) throws Exception {
    OpenSshd.requireAvailable();
    Path userKey = OpenSshd.keyPair(dir, "userkey");
    String tag = "sleep 3" + ProcessHandle.current().pid() + "." + signal.length();
    try (OpenSshd sshd = OpenSshd.start(dir.resolve("sshd"), userKey)) {
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
      Path config = dir.resolve("search.yaml");
      Files.writeString(config, String.join("\n",
          "hyperparameters: {type: object, properties: {x: {type: number, min: 0, max: 1}}}",
          "function:",
          "  type: ssh",
          "  hosts: [{host: '" + sshd.host() + "', slots: 2}]",
          "  identity_file: " + userKey,
          "  known_hosts: " + knownHosts,
          "  command: \"sh -c '" + tag + " & " + tag + "'; echo {x}\"",
          "search: {method: random, iterations: 6, seed: 1}",
          "results: {directory: " + dir.resolve("results") + ", graphs: false}",
          ""));
      List<String> command = new ArrayList<>();
      if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
        command.addAll(List.of("env", "--default-signal=INT")); // as a terminal would: SIGINT not ignored
      }
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), Main.class.getName(), "--no-ui", config.toString()));
      Path log = dir.resolve("cli.log");
      Process cli = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (remote(tag).size() < 4) { // two trials, two sleeps each
          assertTrue(cli.isAlive(), "the CLI ended early: " + Files.readString(log));
          assertTrue(System.nanoTime() < deadline, "the remote trials never started: " + Files.readString(log));
          Thread.sleep(50);
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(cli.pid())).inheritIO().start().waitFor();
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the CLI exits after SIG" + signal + ": " + Files.readString(log));
      } finally {
        cli.destroyForcibly();
      }
      // The CLI killed the remote process groups before it exited (or the remote watchdog did as the channel closed).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!remote(tag).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of(), remote(tag), "remote processes left after SIG" + signal + "; log: " + Files.readString(log));
      assertEquals(signal.equals("INT") ? 130 : 143, cli.exitValue(), Files.readString(log)); // 128 + the signal
    }
  }

  /** The trials' processes on the "remote" host (loopback: this machine), by their unique command line. */
  private static List<String> remote(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(text) && !c.contains("sh -c")).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }
}
