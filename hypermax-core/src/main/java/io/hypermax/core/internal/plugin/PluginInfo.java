package io.hypermax.core.internal.plugin;

import io.hypermax.core.spi.HypermaxPlugin;

/** A discovered plugin: its kind, the provider instance and the jar or folder it came from. */
public record PluginInfo(PluginKind kind, HypermaxPlugin plugin, String location) {
  public String id() {
    return plugin.id();
  }
}
