package io.hypermax.core.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.io.FileFollower;
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
  /** Never through a link: the inbox is read as the results directory's own file only. */
  private final FileFollower follower;
  private final List<String> arrived = new ArrayList<>();
  private long lastPoll = Long.MIN_VALUE;

  public GuidanceInbox(Path resultsDirectory, Consumer<String> warn) {
    this.file = resultsDirectory.resolve(FILE_NAME);
    this.warn = warn;
    this.follower = new FileFollower(file, FileFollower.Links.NEVER_FOLLOW, arrived::add);
  }

  /**
   * Appends {@code events} for the search running in {@code resultsDirectory} in one write, so what one command
   * gives (e.g. two locks) reaches the search together: written one by one, a trial could be suggested between
   * them, under only the first.
   */
  public static void send(Path resultsDirectory, List<GuidanceEvent> events) {
    Path f = resultsDirectory.resolve(FILE_NAME);
    if (Files.isSymbolicLink(f)) {
      throw new IllegalArgumentException(f + " is a symbolic link; refusing to write through it");
    }
    StringBuilder lines = new StringBuilder();
    for (GuidanceEvent event : events) {
      lines.append(JsonValues.MAPPER.valueToTree(event.toJson()).toString()).append('\n');
    }
    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
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
    try {
      follower.poll();
    } catch (IOException e) {
      warn.accept("cannot read " + file + ": " + e.getMessage());
    }
    List<GuidanceEvent> out = new ArrayList<>();
    for (String line : arrived) {
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
    arrived.clear();
    return out;
  }
}
