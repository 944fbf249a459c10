package io.hypermax.results.internal.detail;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import java.nio.file.Path;
import io.hypermax.core.stability.API;

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

  /** System property: when true, every chart is redrawn even if its data did not change since the last pass. */
  public static final String REDRAW_PROPERTY = ChartFile.REDRAW_PROPERTY;

  /** System property: how many threads draw charts (default: one core fewer than the machine has, 1..4). */
  public static final String THREADS_PROPERTY = "hypermax.charts.threads";

  /**
   * While a search runs, charts must leave a core to the trials; {@code hypermax results} (no trials) sets
   * {@value #THREADS_PROPERTY} to use every core.
   */
  static int threads() {
    int cores = Runtime.getRuntime().availableProcessors();
    int fallback = Math.max(1, Math.min(4, cores - 1));
    return Math.max(1, Integer.getInteger(THREADS_PROPERTY, fallback));
  }

  @Override
  public ResultGenerator create(Context context) {
    boolean graphs = context.results().bool("graphs", true);
    ChartSet set = ChartSet.of(context.results());
    Path root = context.directory();
    int threads = threads();
    return ResultGenerator.expensive(
        snapshot -> {
          if (graphs) {
            ChartPass.run(snapshot, root, threads, set);
          }
        });
  }
}
