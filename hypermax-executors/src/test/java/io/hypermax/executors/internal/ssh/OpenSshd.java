package io.hypermax.executors.internal.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's OpenSSH {@code sshd}, started by the test on 127.0.0.1 and a free port with a
 * test-made ed25519 host key and the test's authorized_keys (java-build.md §9.2). Needs root and
 * /usr/sbin/sshd; without them {@link #requireAvailable()} skips the test, saying why.
 */
public final class OpenSshd implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  final Path dir;
  final int port;
  private final Process process;
  private final StringBuffer output = new StringBuffer();

  /** Skips the calling test (JUnit assumption) when no OpenSSH server can be started here. */
  public static void requireAvailable() {
    Assumptions.assumeTrue(Files.isExecutable(SSHD),
        "SKIPPED: OpenSSH's sshd is not installed (" + SSHD + "); apt-get install openssh-server (.ci/run does)");
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "SKIPPED: sshd must run as root to accept logins, and these tests run as " + System.getProperty("user.name"));
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "SKIPPED: ssh-keygen is not installed");
  }

  /** Generates an ed25519 key pair {@code dir/name} and {@code dir/name.pub}. */
  public static Path keyPair(Path dir, String name) throws IOException, InterruptedException {
    Path key = dir.resolve(name);
    if (!Files.exists(key)) {
      run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
    }
    return key;
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /**
   * @param dir a folder of its own for this server (config, host key, pid file)
   * @param userKey the private key whose public half may log in
   */
  public static OpenSshd start(Path dir, Path userKey) throws Exception {
    return start(dir, userKey, new String[0]);
  }

  /** @param extraConfig more sshd_config lines (e.g. {@code SetEnv PATH=...}) */
  static OpenSshd start(Path dir, Path userKey, String... extraConfig) throws Exception {
    requireAvailable();
    Files.createDirectories(dir);
    // sshd's privilege-separation folder; Debian's package only makes it when its service starts.
    Files.createDirectories(Path.of("/run/sshd"));
    Path hostKey = keyPair(dir, "hostkey");
    Files.copy(Path.of(userKey + ".pub"), dir.resolve("authorized_keys"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    for (int attempt = 0; ; attempt++) {
      int port = SshExecutorTest.freePort();
      Files.writeString(dir.resolve("sshd_config"), String.join("\n",
          "ListenAddress 127.0.0.1",
          "Port " + port,
          "HostKey " + hostKey,
          "PidFile " + dir.resolve("sshd.pid"),
          "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
          "PasswordAuthentication no",
          "KbdInteractiveAuthentication no",
          "PermitRootLogin prohibit-password",
          "StrictModes no",
          "UsePAM no",
          "Subsystem sftp /usr/lib/openssh/sftp-server",
          String.join("\n", extraConfig),
          ""));
      OpenSshd sshd = new OpenSshd(dir, port);
      if (sshd.awaitListening()) {
        return sshd;
      }
      sshd.close();
      if (attempt == 2 || !sshd.output().contains("Address already in use")) {
        throw new IOException("sshd did not start on 127.0.0.1:" + port + ": " + sshd.output());
      }
    }
  }

  private OpenSshd(Path dir, int port) throws IOException {
    this.dir = dir;
    this.port = port;
    this.process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
        .redirectErrorStream(true).start();
  }

  private boolean awaitListening() throws InterruptedException {
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (InputStream in = process.getInputStream()) {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
          output.append((char) c);
          line.append((char) c);
          if (c == '\n') {
            if (line.toString().contains("Server listening on 127.0.0.1")) {
              listening.countDown();
            }
            line.setLength(0);
          }
        }
      } catch (IOException ignored) {
        // sshd stopped
      }
    }, "sshd-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    return listening.await(10, TimeUnit.SECONDS) && process.isAlive();
  }

  String output() {
    return output.toString();
  }

  public String host() {
    return "root@127.0.0.1:" + port;
  }

  /** The known_hosts line for this server, from its public host key. */
  public String knownHostsLine() throws IOException {
    String[] pub = Files.readString(dir.resolve("hostkey.pub")).strip().split("\\s+");
    return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
  }

  /** The host key's fingerprint as ssh-keygen prints it (SHA256:…). */
  String fingerprint() throws Exception {
    return run("ssh-keygen", "-l", "-f", dir.resolve("hostkey.pub").toString()).split("\\s+")[1];
  }

  /**
   * Kills the server and the sshd of every connection it serves (SIGKILL), as when a machine drops
   * off the network. The users' processes are left to fend for themselves: what hypermax left there
   * must clean itself up.
   */
  void kill() throws InterruptedException {
    process.descendants()
        .filter(h -> h.info().command().orElse("").endsWith("sshd"))
        .forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: "Received signal 15; terminating."
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill();
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
