package io.hypermax.core.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;

/**
 * How guidance reaches a running search from another process ({@code hypermax guide}, a dashboard):
 * the file {@value #FILE_NAME} in the results directory, one {@link GuidanceEvent} per line,
 * appended by the sender and read by the search, which journals what it applies. The journal stays
 * written by one process only. Each record carries an id, so a line is applied once even when a
 * resumed search reads the inbox from the start again (a line appended just as a search stopped is
 * applied by the next resume).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GuidanceInbox {
  public static final String FILE_NAME = "guidance-inbox.jsonl";
  private static final long POLL_INTERVAL_NANOS = 200_000_000L;

  private final Path file;
  private final Consumer<String> warn;
  private long offset;
  private long lastPoll = Long.MIN_VALUE;

  public GuidanceInbox(Path resultsDirectory, Consumer<String> warn) {
    this.file = resultsDirectory.resolve(FILE_NAME);
    this.warn = warn;
  }

  /** Appends {@code event} for the search running in {@code resultsDirectory} (one write of one line). */
  public static void send(Path resultsDirectory, GuidanceEvent event) {
    Path f = resultsDirectory.resolve(FILE_NAME);
    if (Files.isSymbolicLink(f)) {
      throw new IllegalArgumentException(f + " is a symbolic link; refusing to write through it");
    }
    byte[] line = (JsonValues.MAPPER.valueToTree(event.toJson()).toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  /** New complete lines since the last call (at most one look at the file per 200 ms unless {@code force}). */
  public List<GuidanceEvent> poll(boolean force) {
    long now = System.nanoTime();
    if (!force && lastPoll != Long.MIN_VALUE && now - lastPoll < POLL_INTERVAL_NANOS) {
      return List.of();
    }
    lastPoll = now;
    List<GuidanceEvent> out = new ArrayList<>();
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return out;
      }
      long size = Files.size(file);
      if (size <= offset) {
        return out;
      }
      byte[] chunk;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(size - offset, 1 << 20));
        ch.read(b, offset);
        chunk = java.util.Arrays.copyOf(b.array(), b.position());
      }
      int end = lastNewline(chunk);
      if (end < 0) {
        return out; // a line still being written
      }
      String text = new String(chunk, 0, end + 1, StandardCharsets.UTF_8);
      offset += end + 1;
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = JsonValues.MAPPER.readTree(line);
          out.add(GuidanceEvent.fromJson(n));
        } catch (IOException | RuntimeException e) {
          warn.accept(file + ": a line that is not guidance was skipped: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      warn.accept("cannot read " + file + ": " + e.getMessage());
    }
    return out;
  }

  private static int lastNewline(byte[] b) {
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
