package io.hypermax.core.internal.plugin;

import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.HypermaxPlugin;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.stability.API;

/** The four kinds of plugin, with the config key that names one. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum PluginKind {
  OPTIMIZER(OptimizerProvider.class, "search.method", "search method"),
  EXECUTOR(ExecutorProvider.class, "function.type", "function type"),
  RESULT_GENERATOR(ResultGeneratorProvider.class, "results", "result generator"),
  PRUNER(PrunerProvider.class, "search.pruner", "pruner");

  private final Class<? extends HypermaxPlugin> spi;
  private final String configKey;
  private final String noun;

  PluginKind(Class<? extends HypermaxPlugin> spi, String configKey, String noun) {
    this.spi = spi;
    this.configKey = configKey;
    this.noun = noun;
  }

  public Class<? extends HypermaxPlugin> spi() {
    return spi;
  }

  public String configKey() {
    return configKey;
  }

  public String noun() {
    return noun;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
