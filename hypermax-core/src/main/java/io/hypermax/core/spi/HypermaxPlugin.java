package io.hypermax.core.spi;

import io.hypermax.core.stability.API;
import java.util.Set;

/**
 * What every plugin says about itself. The {@link #id()} is what users write in a config
 * ({@code search.method}, {@code function.type}, …) and must be unique within its kind.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface HypermaxPlugin {
  /** Stable, lower-case identifier, e.g. {@code tpe}. */
  String id();

  /** One short sentence for {@code hypermax plugins}. */
  String description();

  /**
   * The keys of its config section this plugin reads: {@code function} for an executor, {@code search}
   * for an optimizer, {@code results} for a result generator. Before creating the plugin the core refuses,
   * naming file and key, any key of the section that neither the core nor a plugin reading it declared.
   */
  default Set<String> keys() {
    return Set.of();
  }
}
