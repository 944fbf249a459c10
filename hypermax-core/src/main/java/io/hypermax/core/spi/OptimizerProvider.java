package io.hypermax.core.spi;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.stability.API;

/**
 * Creates optimizers for {@code search.method: <id>}. Register implementations with
 * {@code @AutoService(OptimizerProvider.class)}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface OptimizerProvider extends HypermaxPlugin {

  /**
   * Builds an optimizer. Validates the optimizer's own keys of the {@code search} section and throws
   * {@link io.hypermax.core.config.ConfigException} (via {@link ConfigNode#error}) for bad ones;
   * call {@link Context#requireKnownKeys} with the keys you read.
   */
  Optimizer create(Context context);

  /** What an optimizer is created from. {@code space} may grow later for define-by-run studies. */
  record Context(SearchSpace space, ConfigNode settings, long seed) {
    /** Keys of {@code search} that the core itself reads. */
    public static final java.util.Set<String> CORE_KEYS =
        java.util.Set.of("method", "iterations", "seed", "direction", "deterministic", "objectives", "pruner");

    /** Fails on any key of {@code search} that is neither a core key nor one of {@code ownKeys}. */
    public void requireKnownKeys(java.util.Collection<String> ownKeys) {
      java.util.Set<String> all = new java.util.HashSet<>(CORE_KEYS);
      all.addAll(ownKeys);
      settings.requireKnownKeys(all);
    }
  }
}
