package io.hypermax.executors.internal.ssh;

import io.hypermax.executors.internal.process.KillLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code function} section of {@code type: ssh}, checked.
 *
 * @param command the remote shell command, {@code {name}} placeholders not yet substituted
 * @param directory where the command runs, relative to the remote home ("." when not set)
 * @param sync what to copy before a host's first trial, or null
 * @param identityFile the private key, or null for the agent / default keys
 * @param hostsDownTimeoutSeconds how long a trial waits while every host is down before it fails
 */
record SshSettings(
    List<SshHost> hosts,
    String command,
    String directory,
    Sync sync,
    Path identityFile,
    Path knownHosts,
    boolean acceptNewHostKeys,
    Map<String, String> environment,
    KillLimits limits,
    int connectTimeoutMillis,
    int keepAliveMillis,
    double hostsDownTimeoutSeconds) {

  /**
   * {@code sync: {from, to, method}}: a local folder, where it goes (relative to the remote home) and
   * how: {@code auto} (rsync where both sides have it, else SFTP), {@code rsync} or {@code sftp}.
   */
  record Sync(Path from, String to, String method) {}

  int totalSlots() {
    return hosts.stream().mapToInt(SshHost::slots).sum();
  }
}
