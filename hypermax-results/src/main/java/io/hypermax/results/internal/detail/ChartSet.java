package io.hypermax.results.internal.detail;

import io.hypermax.core.config.ConfigNode;
import java.util.Locale;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * Which charts a pass writes ({@code results.charts}). {@link #SUMMARY} (the default) is the views a person reads
 * first: history, importance, EDF, a slice per parameter, contours of the top pairs, parallel coordinates and the
 * timeline, tens of files. {@link #ALL} adds every file of the original Hypermax (bucketed and top-10% charts, loss,
 * response and time matrices, pair scatters, box and strip charts, each with its CSV), hundreds of files for a few
 * parameters.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum ChartSet {
  SUMMARY,
  ALL;

  public static final String KEY = "charts";

  /** {@code results.charts}, or a config error naming the key. */
  public static ChartSet of(ConfigNode results) {
    return valueOf(results.choice(KEY, "summary", Set.of("summary", "all")).toUpperCase(Locale.ROOT));
  }
}
