package io.hypermax.results.internal.pareto;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.results.internal.files.Csv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code pareto.csv}: the trials on the Pareto front, ordered by the first objective, with columns
 * {@code trial, <each objective>, loss, time} and every flat parameter. The objective values are the
 * values minimised (a maximised metric appears negated, a transformed one transformed); the raw
 * values are in results.csv.
 */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParetoCsvProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "pareto.csv";

  @Override
  public String id() {
    return "pareto_csv";
  }

  @Override
  public String description() {
    return "pareto.csv: the Pareto front of a multi-objective study (search.objectives: pareto).";
  }

  @Override
  public ResultGenerator create(Context context) {
    Path file = context.directory().resolve(FILE_NAME);
    return snapshot -> {
      String text = render(snapshot);
      if (text != null) {
        AtomicFiles.write(file, text);
      }
    };
  }

  /** The CSV text, or null when the study has no objective vectors. */
  public static String render(StudySnapshot snapshot) {
    ParetoData data = ParetoData.of(snapshot);
    if (data == null) {
      return null;
    }
    List<Trial> front = new ArrayList<>(data.front());
    front.sort(java.util.Comparator.comparingDouble((Trial t) -> data.value(t, 0)).thenComparingInt(Trial::number));
    Set<String> params = new LinkedHashSet<>();
    snapshot.space().parameters().forEach(p -> params.add(p.path())); // the space's order, as in results.csv
    front.forEach(t -> params.addAll(t.flatParameters().keySet()));
    List<Object> header = new ArrayList<>();
    header.add("trial");
    header.addAll(data.names());
    header.add("loss");
    header.add("time");
    header.addAll(params);
    StringBuilder sb = new StringBuilder(Csv.row(header));
    for (Trial t : front) {
      List<Object> row = new ArrayList<>();
      row.add(t.number());
      for (int i = 0; i < data.names().size(); i++) {
        row.add(data.value(t, i));
      }
      row.add(t.loss());
      row.add(t.result().time());
      params.forEach(p -> row.add(t.flatParameters().get(p)));
      sb.append(Csv.row(row));
    }
    return sb.toString();
  }
}
