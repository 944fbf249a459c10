package io.hypermax.core.internal.plugin;

import io.hypermax.core.spi.HypermaxPlugin;
import io.hypermax.core.stability.API;

/** A discovered plugin: its kind, the provider instance and the jar or folder it came from. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record PluginInfo(PluginKind kind, HypermaxPlugin plugin, String location) {
  public String id() {
    return plugin.id();
  }
}
