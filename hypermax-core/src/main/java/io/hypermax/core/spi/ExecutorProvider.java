package io.hypermax.core.spi;

import io.hypermax.core.config.ConfigNode;
import java.nio.file.Path;
import io.hypermax.core.stability.API;

/**
 * Creates executors for {@code function.type: <id>}. Register implementations with
 * {@code @AutoService(ExecutorProvider.class)}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ExecutorProvider extends HypermaxPlugin {

  /** Builds an executor, validating the {@code function} section (see {@link Context#requireKnownKeys}). */
  Executor create(Context context);

  /**
   * @param function the config's {@code function} section
   * @param configDirectory folder of the config file; relative paths in it are relative to this
   * @param resultsDirectory where the study writes (may be null for library use)
   * @param space the search space, for executors that check references to parameters (may be null)
   */
  record Context(
      ConfigNode function, Path configDirectory, Path resultsDirectory, io.hypermax.core.space.SearchSpace space) {
    public Context(ConfigNode function, Path configDirectory, Path resultsDirectory) {
      this(function, configDirectory, resultsDirectory, null);
    }

    /**
     * Keys of {@code function} the core and the study loop read; an executor's own keys (including any
     * kill limits it enforces) are those its provider declares in {@link HypermaxPlugin#keys()}.
     */
    public static final java.util.Set<String> CORE_KEYS = java.util.Set.of("type", "parallel", "max_failures");

    /** Fails on a key of {@code function} that is neither a core key nor one of {@code ownKeys}. */
    public void requireKnownKeys(java.util.Collection<String> ownKeys) {
      java.util.Set<String> all = new java.util.HashSet<>(CORE_KEYS);
      all.addAll(ownKeys);
      function.requireKnownKeys(all);
    }

    public Path resolve(String path) {
      Path p = Path.of(path);
      return p.isAbsolute() ? p : configDirectory.resolve(p).normalize();
    }
  }
}
