package io.hypermax.results.internal.detail;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import java.nio.file.Path;
import io.hypermax.core.stability.API;
import java.util.Set;
import io.hypermax.results.internal.charts.Graphs;

/**
 * The charts ({@code results.charts: summary} or {@code all}, see {@link ChartSet}), each PNG with a CSV of its
 * data, and {@code notes.txt}. Off when {@code results.graphs} is false.
 */
@AutoService(ResultGeneratorProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChartsProvider implements ResultGeneratorProvider {

  @Override
  public String id() {
    return "charts";
  }

  @Override
  public String description() {
    return "Charts with their CSVs: loss/time per parameter, loss matrices per pair, history, importance (results.graphs).";
  }

  @Override
  public Set<String> keys() {
    return Set.of(Graphs.KEY, ChartSet.KEY);
  }

  @Override
  public ResultGenerator create(Context context) {
    boolean graphs = Graphs.enabled(context);
    ChartSet set = ChartSet.of(context.results());
    Path root = context.directory();
    int threads = context.threads();
    boolean redraw = context.regeneration(); // a newer hypermax may draw unchanged data differently
    return ResultGenerator.expensive(
        snapshot -> {
          if (graphs) {
            ChartPass.run(snapshot, root, threads, set, redraw);
          }
        });
  }
}
