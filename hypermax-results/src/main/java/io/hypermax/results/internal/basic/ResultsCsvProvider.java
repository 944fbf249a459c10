package io.hypermax.results.internal.basic;

import com.google.auto.service.AutoService;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.results.internal.files.Csv;
import io.hypermax.core.stability.API;

/**
 * {@code results.csv}: one row per finished trial, in the order trials finished (by number when they
 * run one at a time), with columns {@code trial, status, loss, time,
 * log, error}, every flat parameter by dotted path (empty when inactive), every metadata field, then
 * the measured {@code peak_rss_mib, cpu_seconds, wall_seconds}.
 */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsCsvProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "results.csv";

  @Override
  public String id() {
    return "results_csv";
  }

  @Override
  public String description() {
    return "results.csv: every finished trial with status, loss, time, parameters, metadata and resources.";
  }

  @Override
  public ResultGenerator create(Context context) {
    return new IncrementalCsv(context.directory().resolve(FILE_NAME));
  }

  /** The CSV text for a snapshot: every finished trial in the order it finished. */
  public static String render(StudySnapshot snapshot) {
    List<Trial> finished = snapshot.finishedInOrder();
    Columns columns = new Columns();
    columns.addSpace(snapshot);
    columns.addTrials(finished, 0);
    StringBuilder sb = new StringBuilder(columns.header());
    for (Trial t : finished) {
      sb.append(columns.row(t));
    }
    return sb.toString();
  }

  /**
   * Appends the rows of newly finished trials and rewrites the file only when its columns change (a
   * new parameter or metadata field): constant work per trial, not a rewrite of the whole study.
   */
  static final class IncrementalCsv implements ResultGenerator {
    private final Path file;
    private Columns columns;
    private int written;

    IncrementalCsv(Path file) {
      this.file = file;
    }

    @Override
    public synchronized void generate(StudySnapshot snapshot) throws IOException {
      List<Trial> finished = snapshot.finishedInOrder();
      if (columns == null || finished.size() < written) {
        rewrite(snapshot);
        return;
      }
      if (finished.size() == written) {
        return;
      }
      int before = columns.size();
      columns.addSpace(snapshot);
      columns.addTrials(finished, written);
      if (columns.size() != before) {
        rewrite(snapshot);
        return;
      }
      StringBuilder rows = new StringBuilder();
      for (int i = written; i < finished.size(); i++) {
        rows.append(columns.row(finished.get(i)));
      }
      // Opened per append (no handle outlives a call) and never through a symbolic link planted in place of the file.
      java.nio.file.Files.write(
          file, rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      written = finished.size();
    }

    private void rewrite(StudySnapshot snapshot) throws IOException {
      List<Trial> finished = snapshot.finishedInOrder();
      columns = new Columns();
      columns.addSpace(snapshot);
      columns.addTrials(finished, 0);
      StringBuilder sb = new StringBuilder(columns.header());
      for (Trial t : finished) {
        sb.append(columns.row(t));
      }
      AtomicFiles.write(file, sb.toString());
      written = finished.size();
    }
  }

  /** The columns of results.csv as trials reveal them; rows are rendered against them. */
  static final class Columns {
    private static final List<String> FIXED = List.of("trial", "status", "loss", "time", "log", "error");
    private static final List<String> USAGE = List.of("peak_rss_mib", "cpu_seconds", "wall_seconds", "allocated_mib");
    private final Set<String> params = new LinkedHashSet<>();
    private final Set<String> metadata = new LinkedHashSet<>();
    private int spaceSize = -1;

    void addSpace(StudySnapshot snapshot) {
      // A define-by-run space only grows: look again only when its size changed.
      if (snapshot.space().size() != spaceSize) {
        spaceSize = snapshot.space().size();
        for (Parameter p : snapshot.space().parameters()) {
          params.add(p.path());
        }
      }
    }

    void addTrials(List<Trial> trials, int from) {
      for (int i = from; i < trials.size(); i++) {
        Trial t = trials.get(i);
        params.addAll(t.flatParameters().keySet());
        metadata.addAll(t.result().metadata().keySet());
      }
    }

    int size() {
      return params.size() + metadata.size();
    }

    String header() {
      List<Object> header = new ArrayList<>(FIXED);
      header.addAll(params);
      for (String m : metadata) {
        // A metadata field named like a column ("error", "trial", a parameter) gets a prefix, not a second column.
        boolean clash = FIXED.contains(m) || USAGE.contains(m) || params.contains(m);
        header.add(clash ? "metadata." + m : m);
      }
      header.addAll(USAGE);
      return Csv.row(header);
    }

    String row(Trial t) {
      TrialResult r = t.result();
      List<Object> row = new ArrayList<>();
      row.add(t.number());
      row.add(r.status().name());
      row.add(r.loss());
      row.add(r.time());
      row.add(r.log());
      row.add(r.error());
      for (String p : params) {
        row.add(t.flatParameters().get(p));
      }
      for (String m : metadata) {
        Object v = r.metadata().get(m);
        row.add(v instanceof java.util.Map || v instanceof java.util.List ? toJson(v) : v);
      }
      row.add(r.usage().peakRssMiB());
      row.add(r.usage().cpuSeconds());
      row.add(r.usage().wallSeconds());
      row.add(r.usage().allocatedMiB());
      return Csv.row(row);
    }
  }

  private static String toJson(Object v) {
    try {
      return io.hypermax.core.config.JsonValues.MAPPER.writeValueAsString(v);
    } catch (IOException e) {
      return String.valueOf(v);
    }
  }
}
