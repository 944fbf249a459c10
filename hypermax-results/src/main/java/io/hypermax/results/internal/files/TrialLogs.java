package io.hypermax.results.internal.files;

import io.hypermax.core.stability.API;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The log of a trial, and nothing else, for every viewer of a results directory (the web dashboard, the console
 * UI): the name is built from a trial number ({@code logs/trial_N.txt}), never from request text, and a log (or
 * logs folder) that is a symbolic link or resolves outside the logs folder is refused, so no viewer can be made to
 * read another file.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TrialLogs {
  /** How much of a log the dashboard shows. */
  public static final int TAIL_BYTES = 256 * 1024;
  /** How much of a log {@link #lastLines} reads: plenty for a screenful, cheap to read at every redraw. */
  static final int LINES_BYTES = 64 * 1024;

  private final Path logs;

  /** @param logs the results directory's {@code logs} folder, or null: no logs */
  public TrialLogs(Path logs) {
    this.logs = logs == null ? null : logs.toAbsolutePath().normalize();
  }

  /** The file of {@code trial}'s log when it is a plain file inside the logs folder. */
  public Optional<Path> file(int trial) {
    if (logs == null || trial < 0 || Files.isSymbolicLink(logs) || !Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path f = logs.resolve("trial_" + trial + ".txt");
    if (Files.isSymbolicLink(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      Path real = f.toRealPath();
      if (!real.getParent().equals(logs.toRealPath())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(f);
  }

  /** The last {@link #TAIL_BYTES} of the log, starting at a line, with a note when the start was cut. */
  public Optional<String> tail(int trial) throws IOException {
    return end(trial, TAIL_BYTES).map(e -> e.skipped() > 0 ? "[… first " + e.skipped() + " bytes not shown]\n" + e.text() : e.text());
  }

  /** The last {@code count} lines of the log (of its last 64 KiB at most). */
  public Optional<List<String>> lastLines(int trial, int count) throws IOException {
    return end(trial, LINES_BYTES).map(e -> {
      List<String> all = Arrays.asList(e.text().split("\n"));
      return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    });
  }

  /** The end of a log: its text from the first line that starts in the last {@code maxBytes}, after {@code skipped} bytes. */
  private record End(long skipped, String text) {}

  private Optional<End> end(int trial, int maxBytes) throws IOException {
    Optional<Path> f = file(trial);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(f.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      long from = Math.max(0, size - maxBytes);
      ch.position(from);
      InputStream in = Channels.newInputStream(ch);
      String text = new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
      if (from == 0) {
        return Optional.of(new End(0, text));
      }
      int nl = text.indexOf('\n');
      return Optional.of(new End(from + nl + 1, nl >= 0 ? text.substring(nl + 1) : text));
    }
  }
}
