package io.hypermax.executors.internal.ssh;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies {@code sync.from} to {@code sync.to} on a host, over the host's session, sending only what
 * changed. With {@code method: auto} (the default) it is rsync when both this machine and the host
 * have it ({@link RsyncTunnel}: rsync's quick check and delta transfer over an exec channel), else
 * SFTP, which sends only files whose size or modification time differ (the copies get the local
 * time, so the next sync skips them, as rsync's quick check does). Files removed locally are left on
 * the remote by both.
 */
final class FolderSync {
  /** What a sync did. */
  record Stats(String method, int sent, int unchanged, long bytes) {}

  private FolderSync() {}

  /** @param notes where a fallback from rsync to SFTP is explained (the trial log) */
  static Stats sync(HostConnection connection, SshSettings.Sync sync, java.util.function.Consumer<String> notes)
      throws HostUnavailableException, InterruptedException {
    return sync(connection, sync, notes, LocalRsync.MACHINE);
  }

  /** As {@link #sync(HostConnection, SshSettings.Sync, java.util.function.Consumer)}, asking {@code local} about this machine's rsync. */
  static Stats sync(HostConnection connection, SshSettings.Sync sync, java.util.function.Consumer<String> notes, LocalRsync local)
      throws HostUnavailableException, InterruptedException {
    String method = sync.method();
    if (method.equals("sftp")) {
      return sftp(connection, sync);
    }
    NoRsync missing = rsyncMissing(connection, local);
    if (missing != null) {
      if (method.equals("rsync")) {
        // only a definite "no rsync" refuses the host for good; an undecided probe is retried with the host
        throw new HostUnavailableException(
            connection.host().label() + ": sync.method is rsync, but " + missing.reason(), missing.definite(), null);
      }
      notes.accept("sync uses SFTP: " + missing.reason());
      return sftp(connection, sync);
    }
    try {
      return RsyncSync.sync(connection, sync);
    } catch (java.io.IOException e) {
      if (method.equals("rsync")) {
        throw new HostUnavailableException(connection.host().label() + ": sync by rsync failed: " + e.getMessage(), false, e);
      }
      notes.accept("sync by rsync failed (" + e.getMessage() + "); using SFTP");
      return sftp(connection, sync);
    }
  }

  /** Why rsync cannot be used this time; {@code definite} false when a probe could not tell (asking again may work). */
  private record NoRsync(String reason, boolean definite) {}

  /** Why rsync cannot be used with this host, or null when both sides have it. */
  private static NoRsync rsyncMissing(HostConnection connection, LocalRsync local) throws HostUnavailableException, InterruptedException {
    LocalRsync.Answer here = local.answer();
    if (here == LocalRsync.Answer.MISSING) {
      return new NoRsync("rsync is not installed on this machine", true);
    }
    if (here == LocalRsync.Answer.UNKNOWN) {
      return new NoRsync("rsync could not be started on this machine", false);
    }
    HostConnection.Output probe = connection.run("command -v rsync", 15_000);
    if (probe.exitCode() < 0) {
      return new NoRsync("the host did not finish `command -v rsync` (no exit status)", false);
    }
    return probe.exitCode() == 0 ? null : new NoRsync("the host has no rsync on its PATH", true);
  }

  private static Stats sftp(HostConnection connection, SshSettings.Sync sync) throws HostUnavailableException {
    ChannelSftp sftp = connection.sftp();
    String root = sync.to();
    int sent = 0;
    int unchanged = 0;
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(sync.from())) {
      makeDirectories(sftp, root);
      for (Path local : (Iterable<Path>) walk.sorted()::iterator) {
        String relative = sync.from().relativize(local).toString().replace('\\', '/');
        if (relative.isEmpty()) {
          continue;
        }
        String remote = root + "/" + relative;
        if (Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) {
          if (stat(sftp, remote) == null) {
            sftp.mkdir(remote);
          }
        } else if (Files.isSymbolicLink(local)) {
          // Re-created as a link, as rsync --links does: never upload what it points to (maybe outside sync.from).
          String target = Files.readSymbolicLink(local).toString().replace('\\', '/');
          SftpATTRS there = lstat(sftp, remote);
          if (there != null && there.isLink() && target.equals(readLink(sftp, remote))) {
            unchanged++;
            continue;
          }
          if (there != null) {
            sftp.rm(remote);
          }
          sftp.symlink(target, remote);
          sent++;
        } else if (Files.isRegularFile(local)) {
          long size = Files.size(local);
          int mtime = (int) (Files.getLastModifiedTime(local).toMillis() / 1000);
          SftpATTRS there = stat(sftp, remote);
          if (there != null && there.getSize() == size && there.getMTime() == mtime) {
            unchanged++;
            continue;
          }
          sftp.put(local.toString(), remote, ChannelSftp.OVERWRITE);
          sftp.setMtime(remote, mtime);
          sftp.chmod(mode(local), remote);
          sent++;
          bytes += size;
        }
      }
      return new Stats("SFTP", sent, unchanged, bytes);
    } catch (SftpException | IOException e) {
      boolean lost = !connection.isConnected();
      throw new HostUnavailableException(
          connection.host().label() + ": cannot sync " + sync.from() + " to " + sync.to() + ": " + e.getMessage(), !lost, e);
    } finally {
      sftp.disconnect();
    }
  }

  private static void makeDirectories(ChannelSftp sftp, String path) throws SftpException {
    StringBuilder prefix = new StringBuilder(path.startsWith("/") ? "/" : "");
    for (String part : List.of(path.split("/"))) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      prefix.append(part);
      if (stat(sftp, prefix.toString()) == null) {
        sftp.mkdir(prefix.toString());
      }
      prefix.append('/');
    }
  }

  private static SftpATTRS lstat(ChannelSftp sftp, String path) throws SftpException {
    try {
      return sftp.lstat(path);
    } catch (SftpException e) {
      if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
        return null;
      }
      throw e;
    }
  }

  private static String readLink(ChannelSftp sftp, String path) {
    try {
      return sftp.readlink(path);
    } catch (SftpException e) {
      return null;
    }
  }

  private static SftpATTRS stat(ChannelSftp sftp, String path) throws SftpException {
    try {
      return sftp.stat(path);
    } catch (SftpException e) {
      if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
        return null;
      }
      throw e;
    }
  }

  /** The local file's permission bits (0644 where the file system has none). */
  private static int mode(Path local) throws IOException {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(local);
      int mode = 0;
      for (PosixFilePermission perm : PosixFilePermission.values()) {
        if (p.contains(perm)) {
          mode |= 1 << (8 - perm.ordinal());
        }
      }
      return mode;
    } catch (UnsupportedOperationException e) {
      return 0644;
    }
  }
}
