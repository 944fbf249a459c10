package io.hypermax.core.internal.guidance;

import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import io.hypermax.core.guidance.Guidance;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.stability.API;

/**
 * Writes {@value #FILE_NAME} in the results directory: every guidance applied, in order
 * ({@code at, source, action, parameter, value, min, max}), rewritten whenever guidance changes.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GuidanceCsv implements StudyListener {
  public static final String FILE_NAME = "guidance.csv";
  private final Path directory;
  private final Consumer<String> warn;

  public GuidanceCsv(Path directory, Consumer<String> warn) {
    this.directory = directory;
    this.warn = warn;
  }

  @Override
  public void guidanceChanged(GuidanceEvent event, Guidance.State state, StudySnapshot snapshot) {
    try {
      write(directory, state.history());
    } catch (IOException e) {
      warn.accept("cannot write " + directory.resolve(FILE_NAME) + ": " + e.getMessage());
    }
  }

  /** Writes the file atomically (a temporary file moved over it). */
  public static void write(Path directory, List<GuidanceEvent> history) throws IOException {
    StringBuilder sb = new StringBuilder("at,source,action,parameter,value,min,max\n");
    for (GuidanceEvent e : history) {
      sb.append(e.at()).append(',')
          .append(cell(e.source())).append(',')
          .append(e.action().word()).append(',')
          .append(cell(e.parameter())).append(',')
          .append(e.value() == null ? "" : cell(String.valueOf(e.value()))).append(',')
          .append(Double.isNaN(e.min()) ? "" : e.min()).append(',')
          .append(Double.isNaN(e.max()) ? "" : e.max()).append('\n');
    }
    // A fresh temporary file per write (created, never followed through a planted link), so writers in other
    // processes (the search, `hypermax guide`, `hypermax results`) cannot collide on one name.
    Path tmp = Files.createTempFile(directory, FILE_NAME + ".", ".tmp");
    try {
      Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
