package io.hypermax.results.internal.dashboard;

import io.hypermax.core.storage.JournalCodec;
import io.hypermax.core.storage.JournalEvent;
import io.hypermax.core.storage.JournalFile;
import io.hypermax.core.storage.JournalReplay;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
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
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * Follows the {@code journal.jsonl} of a results directory that another process (a running search) may be
 * appending to: each {@link #read()} decodes only the complete lines added since the last one and applies them to
 * one {@link JournalReplay}, so a poll costs what was appended, not the whole journal. A line still being written
 * (no newline yet) waits for the next poll. A journal that shrank (rewritten) is replayed from the start.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JournalFollower implements StudySource {
  private final Path directory;
  private final Path file;
  private JournalReplay replay = new JournalReplay();
  private final List<String> problems = new ArrayList<>();
  private long offset;
  private int lineNumber;
  private StoredStudy current = StoredStudy.EMPTY;

  public JournalFollower(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
    this.file = this.directory.resolve(Journal.FILE_NAME);
  }

  @Override
  public String description() {
    return file.toString();
  }

  @Override
  public Optional<Path> resultsDirectory() {
    return Optional.of(directory);
  }

  @Override
  public Optional<Path> logsDirectory() {
    return Optional.of(directory.resolve("logs"));
  }

  @Override
  public synchronized StoredStudy read() {
    JournalFile.refuseSymlink(file);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return current;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      if (size < offset) { // the journal was replaced: start again
        replay = new JournalReplay();
        problems.clear();
        offset = 0;
        lineNumber = 0;
      }
      if (size == offset) {
        return current;
      }
      byte[] bytes = new byte[(int) Math.min(size - offset, 64L << 20)]; // at most 64 MiB per poll
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
        // read what is there
      }
      int end = lastNewline(bytes, buffer.position());
      if (end < 0) {
        return current; // only a partial line so far
      }
      apply(new String(bytes, 0, end + 1, StandardCharsets.UTF_8));
      offset += end + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    StoredStudy s = replay.result();
    List<String> all = new ArrayList<>(s.problems());
    all.addAll(problems);
    current = new StoredStudy(s.seed(), s.finished(), s.abandoned(), s.customEvents(), s.intermediates(), all, s.abandonedMetadata());
    return current;
  }

  private static int lastNewline(byte[] bytes, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void apply(String text) {
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      lineNumber++;
      JournalEvent event;
      try {
        event = JournalCodec.decode(line, Journal.FILE_NAME + " line " + lineNumber);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage() + "; it was skipped");
        continue;
      }
      replay.apply(event);
    }
  }
}
