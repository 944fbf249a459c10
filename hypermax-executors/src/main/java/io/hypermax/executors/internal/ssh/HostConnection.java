package io.hypermax.executors.internal.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one ssh session hypermax keeps to a host; every trial, sample and kill is a channel on it.
 * Connects lazily and again after a drop. Authentication is by key only: {@code identity_file},
 * else the ssh agent ({@code SSH_AUTH_SOCK}), else the usual {@code ~/.ssh/id_*} files.
 */
final class HostConnection {
  private static final int CHANNEL_ATTEMPTS = 3;

  private final SshHost host;
  private final SshSettings settings;
  private Session session;
  private HostKeyCheck keys;

  HostConnection(SshHost host, SshSettings settings) {
    this.host = host;
    this.settings = settings;
  }

  SshHost host() {
    return host;
  }

  /** The connected session, connecting first when there is none (or it dropped). */
  synchronized Session session() throws HostUnavailableException {
    if (session != null && session.isConnected()) {
      return session;
    }
    JSch jsch = new JSch();
    try {
      Files.createDirectories(settings.knownHosts().toAbsolutePath().getParent());
      if (settings.acceptNewHostKeys() && !Files.exists(settings.knownHosts())) {
        Files.createFile(settings.knownHosts()); // JSch only adds keys to a file that exists
      }
      if (Files.exists(settings.knownHosts())) {
        jsch.setKnownHosts(settings.knownHosts().toString());
      }
      keys = new HostKeyCheck(jsch, settings.knownHosts(), settings.acceptNewHostKeys());
      addIdentities(jsch);
      Session s = jsch.getSession(host.user(), host.host(), host.port());
      s.setHostKeyRepository(keys);
      s.setConfig("StrictHostKeyChecking", "yes"); // no blind trust: HostKeyCheck decides, accept-new included
      s.setConfig("PreferredAuthentications", "publickey");
      s.setServerAliveInterval(settings.keepAliveMillis());
      s.setServerAliveCountMax(3);
      s.connect(settings.connectTimeoutMillis());
      session = s;
      return s;
    } catch (JSchUnknownHostKeyException | JSchChangedHostKeyException e) {
      String why = keys.refusal() != null ? keys.refusal() : e.getMessage();
      throw new HostUnavailableException(host.label() + ": " + why, true, e);
    } catch (JSchException e) {
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
        throw new HostUnavailableException(
            host.label() + ": authentication failed (the host accepted none of "
                + (settings.identityFile() != null ? settings.identityFile() : "the agent's or ~/.ssh's keys")
                + " for user " + host.user() + ")", true, e);
      }
      throw new HostUnavailableException(host.label() + ": cannot connect: " + describe(e), false, e);
    } catch (IOException e) {
      throw new HostUnavailableException(host.label() + ": cannot prepare " + settings.knownHosts() + ": " + e, true, e);
    }
  }

  private void addIdentities(JSch jsch) throws JSchException {
    if (settings.identityFile() != null) {
      jsch.addIdentity(settings.identityFile().toString());
      return;
    }
    if (System.getenv("SSH_AUTH_SOCK") != null) {
      try {
        jsch.setIdentityRepository(new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory())));
        return;
      } catch (AgentProxyException e) {
        // no usable agent: fall back to the key files
      }
    }
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    for (String name : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
      if (Files.isRegularFile(ssh.resolve(name))) {
        jsch.addIdentity(ssh.resolve(name).toString());
      }
    }
  }

  private static String describe(JSchException e) {
    Throwable cause = e.getCause();
    return cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : e.getMessage();
  }

  /** An exec channel for {@code command}, not yet connected (so its streams can be taken first). */
  ChannelExec exec(String command) throws HostUnavailableException {
    ChannelExec channel = (ChannelExec) open("exec");
    channel.setCommand(command);
    return channel;
  }

  /** Connects a channel, telling a dropped connection (another host, please) from a refused channel. */
  void connect(Channel channel) throws HostUnavailableException {
    try {
      channel.connect(settings.connectTimeoutMillis());
    } catch (JSchException e) {
      throw new HostUnavailableException(host.label() + ": " + lostOr(e, "cannot start a channel"), false, e);
    }
  }

  ChannelSftp sftp() throws HostUnavailableException {
    ChannelSftp sftp = (ChannelSftp) open("sftp");
    connect(sftp);
    return sftp;
  }

  private Channel open(String type) throws HostUnavailableException {
    JSchException last = null;
    for (int attempt = 0; attempt < CHANNEL_ATTEMPTS; attempt++) {
      Session s = session();
      try {
        return s.openChannel(type);
      } catch (JSchException e) {
        last = e; // the session dropped between the check and now: connect again
      }
    }
    throw new HostUnavailableException(host.label() + ": " + lostOr(last, "cannot open a channel"), false, last);
  }

  private String lostOr(JSchException e, String what) {
    synchronized (this) {
      return session == null || !session.isConnected()
          ? "the connection was lost (" + e.getMessage() + ")"
          : what + ": " + e.getMessage();
    }
  }

  /** True while the session is up; a channel that closed without an exit status on a dead session was dropped. */
  synchronized boolean isConnected() {
    return session != null && session.isConnected();
  }

  /** What a short command printed and how it exited. */
  record Output(int exitCode, String stdout, String stderr) {}

  /** Runs a short command (no stdin) and waits for it, at most {@code timeoutMillis}. */
  Output run(String command, long timeoutMillis) throws HostUnavailableException, InterruptedException {
    ChannelExec channel = exec(command);
    try {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      channel.setErrStream(err, true);
      InputStream in = channel.getInputStream();
      connect(channel);
      byte[] out = readAll(in);
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (!channel.isClosed()) {
        if (System.currentTimeMillis() > deadline) {
          throw new HostUnavailableException(host.label() + ": no answer within " + timeoutMillis + " ms", false, null);
        }
        Thread.sleep(2);
      }
      if (channel.getExitStatus() < 0 && !isConnected()) {
        throw new HostUnavailableException(host.label() + ": the connection was lost", false, null);
      }
      return new Output(channel.getExitStatus(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HostUnavailableException(host.label() + ": " + e.getMessage(), false, e);
    } finally {
      channel.disconnect();
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("closed")) {
        return new byte[0];
      }
      throw e;
    }
  }

  synchronized void close() {
    if (session != null) {
      session.disconnect();
      session = null;
    }
  }
}
