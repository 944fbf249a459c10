package io.hypermax.executors.internal.ssh;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sync} by rsync over the host's session ({@link RsyncTunnel}): recursive, keeping symlinks,
 * permissions and modification times (not owners: the remote user may not change them), so an
 * unchanged file is skipped by rsync's quick check and a changed one sends only its differences.
 */
final class RsyncSync {
  private static final Pattern FILES = Pattern.compile("Number of files: [\\d,.]+ \\(reg: ([\\d,.]+)");
  private static final Pattern SENT = Pattern.compile("Number of regular files transferred: ([\\d,.]+)");
  private static final Pattern LITERAL = Pattern.compile("Literal data: ([\\d,.]+) bytes");

  private RsyncSync() {}

  /** Throws IOException when rsync itself failed on a live connection (the caller falls back to SFTP). */
  static FolderSync.Stats sync(HostConnection connection, SshSettings.Sync sync)
      throws HostUnavailableException, InterruptedException, IOException {
    String to = sync.to();
    // rsync makes the last folder only; older rsyncs have no --mkpath.
    HostConnection.Output mkdir = connection.run("mkdir -p -- " + ShellText.quote(to), 15_000);
    if (mkdir.exitCode() != 0) {
      throw new IOException("cannot create " + to + ": " + mkdir.stderr().strip());
    }
    List<String> args = List.of("--recursive", "--links", "--perms", "--times", "--stats", "--",
        sync.from().toAbsolutePath() + "/", "hypermax:" + (to.startsWith("/") ? to : "./" + to) + "/");
    RsyncTunnel.Result r = RsyncTunnel.run(connection, args);
    if (r.exitCode() != 0) {
      if (!connection.isConnected()) {
        throw new HostUnavailableException(connection.host().label() + ": the connection was lost during rsync", false, null);
      }
      throw new IOException("rsync exited with code " + r.exitCode() + ": " + lastLine(r.remoteErrors() + "\n" + r.output()));
    }
    int files = (int) number(FILES, r.output());
    int sent = (int) number(SENT, r.output());
    return new FolderSync.Stats("rsync", sent, Math.max(0, files - sent), number(LITERAL, r.output()));
  }

  private static long number(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Long.parseLong(m.group(1).replaceAll("[,.]", "")) : 0;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }
}
