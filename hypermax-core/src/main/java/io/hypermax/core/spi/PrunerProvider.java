package io.hypermax.core.spi;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.stability.API;

/**
 * Creates pruners for {@code search.pruner: <id>} (or {@code search.pruner: {type: <id>, …}}), the
 * fourth plugin kind. Register implementations with {@code @AutoService(PrunerProvider.class)}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface PrunerProvider extends HypermaxPlugin {

  /**
   * Builds a pruner, validating its settings (the object {@code search.pruner}; empty when it was
   * given as a plain id): call {@link Context#requireKnownKeys} with the keys you read.
   */
  Pruner create(Context context);

  /**
   * @param settings the {@code search.pruner} object (without its {@code type})
   * @param direction the study's direction
   * @param seed the study seed
   */
  record Context(ConfigNode settings, Direction direction, long seed) {
    /** Keys of {@code search.pruner} that the core itself reads (see {@link io.hypermax.core.pruning.PrunerSettings}). */
    public static final java.util.Set<String> CORE_KEYS =
        java.util.Set.of("type", "budget_parameter", "grace_seconds");

    public void requireKnownKeys(java.util.Collection<String> ownKeys) {
      if (!settings.isObject()) {
        return;
      }
      java.util.Set<String> all = new java.util.HashSet<>(CORE_KEYS);
      all.addAll(ownKeys);
      settings.requireKnownKeys(all);
    }
  }
}
