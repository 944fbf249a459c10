package io.hypermax.core.internal.io;

import io.hypermax.core.stability.API;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Follows a file another process appends to (like {@code tail -f}): each {@link #poll} hands the complete lines
 * written since the last one to a consumer, without their {@code \n} (a {@code \r} stays), each decoded as UTF-8
 * once it is whole, so a character split between two writes is never garbled. A partial last line waits for its
 * newline; a file that shrank was truncated (a requeued Slurm job starts its output anew) and is read again from
 * its start. A line longer than {@link #MAX_LINE} bytes is handed over cut there (memory stays bounded when a
 * writer never ends its line). When the consumer throws, that line counts as handed over and the exception goes to
 * the caller of {@link #poll}; the next poll goes on with the line after it. JDK only: trial processes load it with
 * nothing but hypermax-core ({@code ProcessTrialHandle}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class FileFollower {
  /** What a symbolic link at the followed path is taken for. */
  public enum Links {
    /** read through, as the file it points to */
    FOLLOW,
    /** no file: nothing is read through a link someone else may have put there */
    NEVER_FOLLOW
  }

  /** Bytes of one line kept at most; the rest of a longer line is dropped. */
  public static final int MAX_LINE = 1 << 20;

  private final Path file;
  private final LinkOption[] linkOptions;
  private final OpenOption[] openOptions;
  private final Consumer<String> lines;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  /** Bytes consumed: handed over in lines or held in {@link #partial}. */
  private long offset;

  public FileFollower(Path file, Links links, Consumer<String> lines) {
    this.file = file;
    this.lines = lines;
    boolean follow = links == Links.FOLLOW;
    this.linkOptions = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    this.openOptions = follow
        ? new OpenOption[] {StandardOpenOption.READ}
        : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
  }

  /** The followed path. */
  public Path file() {
    return file;
  }

  /**
   * Reads what was appended since the last call and hands over its complete lines; nothing while the path is no
   * regular file (not yet written, or a link that is not followed).
   *
   * @throws IOException when the file cannot be read; what was read before stays read, the next poll goes on from there
   */
  public synchronized void poll() throws IOException {
    if (!Files.isRegularFile(file, linkOptions)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, openOptions)) {
      long size = ch.size();
      if (size < offset) {
        offset = 0;
        partial.reset();
      }
      ByteBuffer buf = ByteBuffer.allocate(8192);
      while (offset < size) {
        buf.clear().limit((int) Math.min(buf.capacity(), size - offset));
        int n = ch.read(buf, offset);
        if (n <= 0) {
          break; // shorter than it said: the rest comes with the next poll
        }
        split(buf.array(), n);
      }
    }
  }

  /** Consumes {@code n} bytes read at {@link #offset}, advancing it byte by byte so a throwing consumer loses nothing else. */
  private void split(byte[] bytes, int n) {
    for (int i = 0; i < n; i++) {
      offset++;
      if (bytes[i] == '\n') {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        lines.accept(line);
      } else if (partial.size() < MAX_LINE) {
        partial.write(bytes[i]);
      }
    }
  }
}
