package io.hypermax.core.internal.run;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.plugin.UnknownPluginException;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.stability.API;

/** Creates the pruner that {@code search.pruner} names, from the plugins found. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Pruners {
  private Pruners() {}

  /**
   * The pruner of {@code settings}, or null when there is none.
   *
   * @throws io.hypermax.core.config.ConfigException for an unknown id or a bad setting
   */
  public static Pruner create(Plugins plugins, PrunerSettings settings, Direction direction, long seed) {
    if (!settings.enabled()) {
      return null;
    }
    PrunerProvider provider;
    try {
      provider = plugins.pruner(settings.type());
    } catch (UnknownPluginException | IllegalStateException e) {
      ConfigNode where = settings.settings().isObject() ? settings.settings().get("type") : settings.settings();
      throw where.error(e.getMessage());
    }
    ConfigNode node = settings.settings().isObject() ? settings.settings() : ConfigNode.empty(settings.settings().file(), settings.settings().path());
    return provider.create(new PrunerProvider.Context(node, direction, seed));
  }
}
