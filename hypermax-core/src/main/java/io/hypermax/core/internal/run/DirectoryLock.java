package io.hypermax.core.internal.run;

import io.hypermax.core.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.hypermax.core.stability.API;

/**
 * An exclusive lock on a results directory for as long as a search writes to it, so two searches
 * (or two resumes) never interleave their trials in one journal. The operating system drops the
 * lock when the process dies, so a crash never leaves a stale lock behind.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DirectoryLock implements AutoCloseable {
  public static final String FILE_NAME = ".lock";

  /**
   * Directories locked by this JVM. Checked before the lock file is opened: a second descriptor for a file this
   * process has locked must never be opened, because closing it (or its cleaner closing it) drops the process's
   * POSIX lock, e.g. when a dashboard beside its own search asks whether the search still runs.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final FileChannel channel;
  private final FileLock lock;
  private final Path key;

  private DirectoryLock(FileChannel channel, FileLock lock, Path key) {
    this.channel = channel;
    this.lock = lock;
    this.key = key;
  }

  /**
   * Locks {@code directory}.
   *
   * @throws DirectoryInUseException when another search (in this JVM or another process) holds the lock
   * @throws ConfigException when the lock file cannot be opened or locked for another reason
   */
  public static DirectoryLock acquire(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    Path key = key(directory);
    if (!HELD.add(key)) {
      throw inUse(directory, null);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(directory, null);
      }
      return new DirectoryLock(channel, lock, key);
    } catch (OverlappingFileLockException e) {
      HELD.remove(key);
      throw inUse(directory, e);
    } catch (IOException e) {
      HELD.remove(key);
      throw new ConfigException(directory.toString(), "", "cannot lock the results directory: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      HELD.remove(key);
      closeQuietly(channel);
      throw e;
    }
  }

  private static Path key(Path directory) {
    try {
      return directory.toRealPath();
    } catch (IOException e) {
      return directory.toAbsolutePath().normalize();
    }
  }

  private static DirectoryInUseException inUse(Path directory, Throwable cause) {
    return new DirectoryInUseException(directory, cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to release
      }
    }
  }

  @Override
  public void close() {
    if (!channel.isOpen()) {
      return; // closed already: the key may belong to a newer lock
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
    HELD.remove(key);
  }
}
