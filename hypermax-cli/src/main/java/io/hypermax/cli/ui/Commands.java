package io.hypermax.cli.ui;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.results.internal.files.TrialLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The UI's commands on a real study: guidance, exports into the results directory, quitting, log tails. */
final class Commands implements UiCommands {
  static final String BEST_EXPORT = "exported_parameters.json";
  static final String RESULTS_EXPORT = "exported_results.csv";

  private final Study study;
  private final Path dir;
  /** The dashboard's reader: no symbolic link makes the UI show a file outside the results directory. */
  private final TrialLogs logs;
  private final ConsoleUi ui;

  Commands(Study study, Path dir, ConsoleUi ui) {
    this.study = study;
    this.dir = dir;
    this.logs = new TrialLogs(dir == null ? null : dir.resolve("logs"));
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
    try {
      return logs.lastLines(trial, lines).orElse(List.of());
    } catch (IOException e) {
      return List.of("(cannot read the log of trial " + trial + ": " + e.getMessage() + ")");
    }
  }
}
