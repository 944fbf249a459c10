package io.hypermax.results.internal.pareto;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.results.internal.charts.Headless;
import io.hypermax.results.internal.charts.Png;
import java.nio.file.Path;
import io.hypermax.core.stability.API;
import java.util.Set;
import io.hypermax.results.internal.charts.Graphs;

/** The front chart(s) of a multi-objective study; honours {@code results.graphs}. */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParetoChartProvider implements ResultGeneratorProvider {
  static final int WIDTH = 900;
  static final int HEIGHT = 650;

  @Override
  public String id() {
    return "pareto_chart";
  }

  @Override
  public String description() {
    return "pareto.png (pareto_<a>_<b>.png per pair for 3+ objectives): the Pareto front over all trials.";
  }

  @Override
  public Set<String> keys() {
    return Graphs.KEYS;
  }

  @Override
  public ResultGenerator create(Context context) {
    boolean graphs = Graphs.enabled(context);
    Path dir = context.directory();
    return ResultGenerator.expensive(snapshot -> {
      ParetoData data = graphs ? ParetoData.of(snapshot) : null;
      if (data == null) {
        return;
      }
      Headless.ensure();
      for (int[] pair : ParetoChart.pairs(data.names().size())) {
        Png.write(ParetoChart.create(data, pair[0], pair[1]), WIDTH, HEIGHT, dir.resolve(ParetoChart.fileName(data, pair[0], pair[1])));
      }
    });
  }
}
