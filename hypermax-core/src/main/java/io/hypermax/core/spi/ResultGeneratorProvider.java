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
   * @param results the config's {@code results} section
   * @param directory the results directory
   * @param config the whole configuration as given (for generators that record it)
   */
  record Context(ConfigNode results, Path directory, com.fasterxml.jackson.databind.JsonNode config) {}
}
