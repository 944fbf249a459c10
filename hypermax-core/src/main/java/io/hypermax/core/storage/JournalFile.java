package io.hypermax.core.storage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The bytes of an append-only line file on disk: opening it (refusing a symbolic link, dropping a
 * torn last line left by a crash), appending whole lines with one {@code write} each, and fsync.
 * It knows nothing about what the lines mean.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class JournalFile implements AutoCloseable {
  private final Path file;
  // A plain stream, not a FileChannel: a channel is closed for good when the writing thread is interrupted.
  private final FileOutputStream out;

  private JournalFile(Path file, FileOutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** Opens {@code file} for appending, creating it if needed, after truncating a torn last line. */
  public static JournalFile open(Path file) {
    refuseSymlink(file);
    try {
      // NOFOLLOW_LINKS closes the gap between the check above and the open.
      try (FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        truncateTornTail(channel);
      }
      return new JournalFile(file, new FileOutputStream(file.toFile(), true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** A journal that is a symbolic link could make a results directory write to any file the user can write. */
  public static void refuseSymlink(Path file) {
    if (Files.isSymbolicLink(file)) {
      throw new UncheckedIOException(
          new IOException(file + " is a symbolic link; hypermax refuses to follow it (replace it with the real file)"));
    }
  }

  static void truncateTornTail(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return;
    }
    // Find the last newline, reading backwards in blocks; everything after it is a partial line.
    ByteBuffer block = ByteBuffer.allocate(8192);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - block.capacity());
      block.clear().limit((int) (end - start));
      while (block.hasRemaining() && channel.read(block, start + block.position()) >= 0) {
        // read the whole block
      }
      for (int i = (int) (end - start) - 1; i >= 0; i--) {
        if (block.get(i) == '\n') {
          long keep = start + i + 1;
          if (keep < size) {
            channel.truncate(keep);
          }
          return;
        }
      }
      end = start;
    }
    channel.truncate(0); // no complete line at all
  }

  public Path path() {
    return file;
  }

  /** Writes one line (a newline is added) with a single write call. */
  public synchronized void appendLine(String line) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Forces what was written to the disk. Not synchronized with appends: fsync and write may overlap. */
  public void sync() {
    try {
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every line of {@code file} (a torn last one included; the reader decides). */
  public static List<String> readLines(Path file) {
    refuseSymlink(file);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
