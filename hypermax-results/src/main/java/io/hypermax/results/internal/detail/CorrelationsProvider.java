package io.hypermax.results.internal.detail;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.results.internal.analysis.Correlations;
import io.hypermax.results.internal.analysis.Observations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;
import java.util.Set;
import io.hypermax.results.internal.charts.Graphs;

/**
 * {@code correlations.csv} (rescaled to about −10..+10, diagonal = parameter vs loss) and
 * {@code correlations_raw.csv} (the same before rescaling) and {@code correlations_spearman.csv} (plain Spearman
 * rank correlations, −1..+1; diagonal = parameter vs loss). Off when {@code results.graphs} is
 * false, like the original's detailed files; needs at least {@value #MIN_RESULTS} results.
 */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CorrelationsProvider implements ResultGeneratorProvider {
  public static final String FILE_NAME = "correlations.csv";
  public static final String RAW_FILE_NAME = "correlations_raw.csv";
  public static final String SPEARMAN_FILE_NAME = "correlations_spearman.csv";
  public static final int MIN_RESULTS = 3;

  @Override
  public String id() {
    return "correlations";
  }

  @Override
  public String description() {
    return "correlations.csv: parameter-vs-parameter and parameter-vs-loss relations, rescaled to about -10..10.";
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
          if (!graphs) {
            return;
          }
          Observations obs = Observations.of(snapshot);
          if (obs.size() < MIN_RESULTS) {
            return;
          }
          Correlations c = Correlations.compute(obs);
          table(c, c.scaled(), 4).write(dir.resolve(FILE_NAME));
          table(c, c.raw(), 6).write(dir.resolve(RAW_FILE_NAME));
          table(c, c.spearman(), 4).write(dir.resolve(SPEARMAN_FILE_NAME));
        });
  }

  /** Header {@code field, <features...>}; one row per feature. */
  static CsvTable table(Correlations c, double[][] values, int digits) {
    List<String> header = new ArrayList<>();
    header.add("field");
    header.addAll(c.features().labels());
    CsvTable t = new CsvTable(header);
    for (int i = 0; i < c.features().size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(c.features().labels().get(i));
      for (double v : values[i]) {
        row.add(io.hypermax.results.internal.analysis.Stats.round(v, digits));
      }
      t.row(row);
    }
    return t;
  }
}
