package io.hypermax.results.internal.charts;

import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.stability.API;
import java.util.Set;

/** {@code results.graphs} (default true): whether the chart-drawing generators draw. Read here only. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Graphs {
  public static final String KEY = "graphs";
  public static final Set<String> KEYS = Set.of(KEY);

  private Graphs() {}

  public static boolean enabled(ResultGeneratorProvider.Context context) {
    return context.results().bool(KEY, true);
  }
}
