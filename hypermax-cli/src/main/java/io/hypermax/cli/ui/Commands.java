package io.hypermax.cli.ui;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The UI's commands on a real study: guidance, exports into the results directory, quitting, log tails. */
final class Commands implements UiCommands {
  static final String BEST_EXPORT = "exported_parameters.json";
  static final String RESULTS_EXPORT = "exported_results.csv";

  private final Study study;
  private final Path dir;
  private final ConsoleUi ui;

  Commands(Study study, Path dir, ConsoleUi ui) {
    this.study = study;
    this.dir = dir;
    this.ui = ui;
  }

  @Override
  public String guide(GuidanceEvent event) {
    GuidanceEvent applied = study.guide(event);
    return "applied: " + applied.describe() + " (from the next suggestion on; journaled)";
  }

  @Override
  public String exportBest() {
    StudySnapshot s = study.snapshot();
    if (s.best().isEmpty()) {
      return "no trial completed yet: nothing to export";
    }
    Trial best = s.best().get();
    Path file = dir.resolve(BEST_EXPORT);
    try {
      // The parameters exactly as the function received them (nested), nothing else.
      Files.writeString(file, JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(best.parameters()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return "best parameters (trial " + best.number() + ") written to " + file;
  }

  @Override
  public String exportResults() {
    StudySnapshot s = study.snapshot();
    List<Parameter> params = s.space().parameters();
    StringBuilder sb = new StringBuilder("trial,status,loss,time");
    for (Parameter p : params) {
      sb.append(',').append(cell(p.path()));
    }
    sb.append('\n');
    for (Trial t : s.finishedInOrder()) {
      sb.append(t.number()).append(',').append(t.status()).append(',')
          .append(Double.isNaN(t.loss()) ? "" : Double.toString(t.loss())).append(',').append(t.result().time());
      for (Parameter p : params) {
        Object v = t.assignment().get(p.path());
        sb.append(',').append(v == null ? "" : cell(String.valueOf(v)));
      }
      sb.append('\n');
    }
    Path file = dir.resolve(RESULTS_EXPORT);
    try {
      Files.writeString(file, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return s.finishedCount() + " trials written to " + file;
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  @Override
  public void stopSearch() {
    ui.quit(true);
  }

  @Override
  public void leaveHeadless() {
    ui.quit(false);
  }

  @Override
  public List<String> logTail(int trial, int lines) {
    Path log = dir.resolve("logs").resolve("trial_" + trial + ".txt");
    if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 64 * 1024);
      byte[] b = new byte[n];
      f.seek(len - n);
      f.readFully(b);
      List<String> all = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n")));
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }
}
