package io.hypermax.results.internal.detail;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.results.internal.charts.Headless;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;
import java.util.Set;
import io.hypermax.results.internal.charts.Graphs;

/** {@code report.html}: one self-contained page summarizing the study (charts only when results.graphs is on). */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ReportProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "report.html";

  @Override
  public String id() {
    return "report";
  }

  @Override
  public String description() {
    return "report.html: best trial, history, importance, correlations and the key charts on one page.";
  }

  /** The report lists the chart pass's notes, so the charts must be drawn first. */
  @Override
  public Set<String> dependencies() {
    return Set.of("charts");
  }

  @Override
  public Set<String> keys() {
    return Graphs.KEYS;
  }

  @Override
  public ResultGenerator create(Context context) {
    boolean graphs = Graphs.enabled(context);
    Path dir = context.directory();
    return ResultGenerator.expensive(
        snapshot -> {
          Headless.ensure();
          AtomicFiles.write(dir.resolve(FILE_NAME), new ReportPage(snapshot, graphs, chartNotes(dir, graphs)).render());
        });
  }

  /** The chart pass's notes ({@link #dependencies()} runs the charts before this generator). */
  private static List<String> chartNotes(Path dir, boolean graphs) throws IOException {
    Path notes = dir.resolve(ChartPass.NOTES);
    List<String> out = new ArrayList<>();
    if (graphs && Files.isRegularFile(notes)) {
      for (String line : Files.readAllLines(notes, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
