package io.hypermax.results.basic;

import com.google.auto.service.AutoService;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.study.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code results.csv}: one row per finished trial with columns {@code trial, status, loss, time,
 * log, error}, every flat parameter by dotted path (empty when inactive), every metadata field, then
 * the measured {@code peak_rss_mib, cpu_seconds, wall_seconds}.
 */
@AutoService(ResultGeneratorProvider.class)
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
    Path file = context.directory().resolve(FILE_NAME);
    return snapshot -> AtomicFiles.write(file, render(snapshot));
  }

  /** The CSV text for a snapshot. */
  public static String render(StudySnapshot snapshot) {
    List<Trial> finished = snapshot.finished();
    Set<String> params = new LinkedHashSet<>();
    for (Parameter p : snapshot.space().parameters()) {
      params.add(p.path());
    }
    Set<String> metadata = new LinkedHashSet<>();
    for (Trial t : finished) {
      params.addAll(t.flatParameters().keySet());
      metadata.addAll(t.result().metadata().keySet());
    }
    List<String> fixed = List.of("trial", "status", "loss", "time", "log", "error");
    List<String> usage = List.of("peak_rss_mib", "cpu_seconds", "wall_seconds", "allocated_mib");
    List<Object> header = new ArrayList<>(fixed);
    header.addAll(params);
    for (String m : metadata) {
      // A metadata field named like a column ("error", "trial", a parameter) gets a prefix, not a second column.
      boolean clash = fixed.contains(m) || usage.contains(m) || params.contains(m);
      header.add(clash ? "metadata." + m : m);
    }
    header.addAll(usage);
    StringBuilder sb = new StringBuilder(Csv.row(header));
    for (Trial t : finished) {
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
      sb.append(Csv.row(row));
    }
    return sb.toString();
  }

  private static String toJson(Object v) {
    try {
      return io.hypermax.core.config.JsonValues.MAPPER.writeValueAsString(v);
    } catch (IOException e) {
      return String.valueOf(v);
    }
  }
}
