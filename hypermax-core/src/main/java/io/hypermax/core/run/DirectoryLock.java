package io.hypermax.core.run;

import io.hypermax.core.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a results directory for as long as a search writes to it, so two searches
 * (or two resumes) never interleave their trials in one journal. The operating system drops the
 * lock when the process dies, so a crash never leaves a stale lock behind.
 */
public final class DirectoryLock implements AutoCloseable {
  public static final String FILE_NAME = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code directory} or fails with a message saying another hypermax uses it. */
  public static DirectoryLock acquire(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(directory, null);
      }
      return new DirectoryLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      throw inUse(directory, e);
    } catch (IOException e) {
      throw new ConfigException(directory.toString(), "", "cannot lock the results directory: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static ConfigException inUse(Path directory, Throwable cause) {
    return new ConfigException(
        directory.toString(), "", "in use by another running hypermax search (it holds " + FILE_NAME + "); wait for it or pick another directory", cause);
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
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }
}
