package io.hypermax.executors.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;

/**
 * Follows a file another process appends to (like {@code tail -f}): each {@link #poll} hands the
 * complete lines written since the last one to a consumer; a partial last line waits for its newline.
 * Not thread-safe: one poller at a time.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class FileFollower {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileFollower.class);

  private final Path file;
  private final Consumer<String> lines;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long offset;

  public FileFollower(Path file, Consumer<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** Reads what was appended since the last call and hands over its complete lines. */
  public synchronized void poll() {
    if (!Files.exists(file)) {
      return;
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      if (size < offset) {
        offset = 0; // truncated (a requeued Slurm job starts its output anew)
        partial.reset();
      }
      byte[] buf = new byte[8192];
      f.seek(offset);
      int n;
      while (offset < size && (n = f.read(buf, 0, (int) Math.min(buf.length, size - offset))) > 0) {
        offset += n;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines.accept(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
          } else {
            partial.write(buf[i]);
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot follow {}: {}", file, e.getMessage());
    }
  }
}
