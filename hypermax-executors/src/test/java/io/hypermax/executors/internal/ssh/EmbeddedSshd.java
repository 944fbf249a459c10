package io.hypermax.executors.internal.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-JVM MINA SSHD server on 127.0.0.1, port 0, for unit tests: public-key authentication
 * against an authorized_keys file, exec requests run by {@code /bin/sh -c} (as OpenSSH runs them
 * through the login shell), and SFTP.
 */
final class EmbeddedSshd implements AutoCloseable {
  final SshServer server;
  final Path dir;

  private EmbeddedSshd(SshServer server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  /** Generates (once per folder) an ECDSA user key: {@code dir/userkey} and {@code dir/userkey.pub}. */
  static Path userKey(Path dir) throws IOException, InterruptedException {
    Path key = dir.resolve("userkey");
    if (!Files.exists(key)) {
      Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IOException("ssh-keygen failed: " + out);
      }
    }
    return key;
  }

  /** Starts a server whose host key lives in {@code dir/<name>.hostkey}; the user key in {@code keys} may log in. */
  static EmbeddedSshd start(Path dir, String name, Path userKey) throws IOException {
    Path authorized = dir.resolve(name + ".authorized_keys");
    Files.copy(Path.of(userKey + ".pub"), authorized, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve(name + ".hostkey")));
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
    server.setCommandFactory((channel, command) ->
        new ProcessShellFactory(command, List.of("/bin/sh", "-c", command)).createShell(channel));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.start();
    return new EmbeddedSshd(server, dir);
  }

  int port() {
    return server.getPort();
  }

  String host() {
    return System.getProperty("user.name") + "@127.0.0.1:" + port();
  }

  /** The known_hosts line for this server, as ssh-keyscan would print it. */
  String knownHostsLine() throws Exception {
    KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(pair.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
