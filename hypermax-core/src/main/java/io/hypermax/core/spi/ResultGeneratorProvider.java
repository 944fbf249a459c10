package io.hypermax.core.spi;

import io.hypermax.core.config.ConfigNode;
import java.nio.file.Path;
import io.hypermax.core.stability.API;

/**
 * Creates result generators: everything written into a results directory. Every generator found
 * on the class path runs (a generator decides from {@link Context#results()} whether it is
 * enabled, e.g. charts honour {@code results.graphs}). Register with
 * {@code @AutoService(ResultGeneratorProvider.class)}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ResultGeneratorProvider extends HypermaxPlugin {

  ResultGenerator create(Context context);

  /**
   * Ids of the generators whose files this one reads (e.g. the report reads the charts' notes): in every
   * pass they run before it. The core refuses to start when one is not installed, naming both.
   */
  default java.util.Set<String> dependencies() {
    return java.util.Set.of();
  }

  /**
   * What a result generator is created from.
   *
   * @param results the config's {@code results} section; the core checks it holds only {@link #CORE_KEYS}
   *     and the keys the generators declare in {@link HypermaxPlugin#keys()}
   * @param directory the results directory
   * @param config the whole configuration as given (for generators that record it)
   * @param regeneration true when {@code hypermax results} rebuilds a directory after the search: no trial
   *     runs, and output must be rewritten even where it looks unchanged (a newer hypermax may draw it differently)
   * @param threads how many threads an {@link ResultGenerator.Cost#EXPENSIVE} generator may use
   */
  record Context(ConfigNode results, Path directory, ConfigNode config, boolean regeneration, int threads) {
    /** Keys of {@code results} the core reads. */
    public static final java.util.Set<String> CORE_KEYS = java.util.Set.of("directory");

    public Context {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, found " + threads);
      }
    }

    /** The context of generators that run beside a search (which leaves the trials a core). */
    public Context(ConfigNode results, Path directory, ConfigNode config) {
      this(results, directory, config, false, duringSearchThreads());
    }

    /** One core fewer than the machine has, 1..4: charts must not slow the trials down. */
    public static int duringSearchThreads() {
      return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** Every core, up to 8: a regeneration has no trials to leave room for. */
    public static int regenerationThreads() {
      return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }
  }
}
