package io.hypermax.results.internal.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The log of a trial, and nothing else: the name is built from a trial number the study knows
 * ({@code logs/trial_N.txt}), never from request text, and a log (or logs folder) that is a symbolic link or
 * resolves outside the logs folder is refused, so no request can read another file.
 */
final class TrialLogs {
  static final int TAIL_BYTES = 256 * 1024;
  private final Path logs;

  TrialLogs(Path logs) {
    this.logs = logs == null ? null : logs.toAbsolutePath().normalize();
  }

  /** The file of {@code trial}'s log when it is a plain file inside the logs folder. */
  Optional<Path> file(int trial) {
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
  Optional<String> tail(int trial) throws IOException {
    Optional<Path> f = file(trial);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(f.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      long from = Math.max(0, size - TAIL_BYTES);
      ch.position(from);
      InputStream in = Channels.newInputStream(ch);
      String text = new String(in.readNBytes(TAIL_BYTES), StandardCharsets.UTF_8);
      if (from > 0) {
        int nl = text.indexOf('\n');
        text = "[… first " + (from + nl + 1) + " bytes not shown]\n" + (nl >= 0 ? text.substring(nl + 1) : text);
      }
      return Optional.of(text);
    }
  }
}
