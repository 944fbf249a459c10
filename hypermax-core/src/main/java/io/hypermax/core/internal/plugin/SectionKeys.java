package io.hypermax.core.internal.plugin;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.HypermaxPlugin;
import io.hypermax.core.stability.API;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The core's check of a plugin's config section: every key must be one the core reads or one a plugin
 * reading the section declared in {@link HypermaxPlugin#keys()}. The core names no plugin's keys itself.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SectionKeys {
  private SectionKeys() {}

  /** Fails (naming file, key and the allowed keys) on a key of {@code section} nobody reads. */
  public static void requireKnown(ConfigNode section, Set<String> coreKeys, Collection<? extends HypermaxPlugin> readers) {
    Set<String> allowed = new HashSet<>(coreKeys);
    for (HypermaxPlugin p : readers) {
      allowed.addAll(p.keys());
    }
    section.requireKnownKeys(allowed);
  }

  public static void requireKnown(ConfigNode section, Set<String> coreKeys, HypermaxPlugin reader) {
    requireKnown(section, coreKeys, List.of(reader));
  }
}
