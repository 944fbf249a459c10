package io.hypermax.core.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.objective.Objective;
import io.hypermax.core.objective.ObjectiveParser;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.objective.Direction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.stability.API;

/**
 * A validated configuration. The core reads the keys it owns; each plugin validates its own keys
 * of {@code search} (optimizer) and {@code function} (executor) when it is created.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HypermaxConfig {
  public static final Set<String> TOP_LEVEL_KEYS =
      Set.of("hyperparameters", "function", "search", "results", "ui", "plugins", "storage", "metrics");
  // TPE beats random search on every problem of the benchmark suite (docs/benchmarks.md).
  public static final String DEFAULT_METHOD = "tpe";
  /** Consecutive FAILED trials before a search stops, so a broken objective does not burn the budget. */
  public static final int DEFAULT_MAX_FAILURES = 10;

  private final String file;
  private final Path directory;
  private final JsonNode raw;
  private final SearchSpace space;
  private final ConfigNode function;
  private final ConfigNode search;
  private final ConfigNode results;
  private final String method;
  private final io.hypermax.core.pruning.PrunerSettings pruner;
  private final String functionType;
  private final int iterations;
  private final Long seed;
  private final Direction direction;
  private final Objective objective;
  private final int parallel;
  private final int maxFailures;
  private final String resultsDirectory;
  private final boolean uiEnabled;
  private final WebUiSettings webUi;
  private final boolean deterministic;
  private final io.hypermax.core.storage.FsyncPolicy fsync;
  private final List<Path> pluginPaths;

  private HypermaxConfig(String file, Path directory, JsonNode raw) {
    this.file = file;
    this.directory = directory;
    this.raw = raw;
    ConfigNode root = new ConfigNode(file, "", raw);
    root.requireKnownKeys(TOP_LEVEL_KEYS);
    this.space = SpaceParser.parse(root.get("hyperparameters"));

    this.function = root.get("function");
    if (function.isMissing()) {
      throw root.error("missing the 'function' section (how to run the model, e.g. type: java_function)");
    }
    function.requireObject();
    this.functionType = function.requireString("type");
    this.parallel = function.positiveInteger("parallel", 1);
    this.maxFailures = function.integer("max_failures", DEFAULT_MAX_FAILURES);
    if (maxFailures < 0) {
      throw function.get("max_failures").error("must be 0 (never stop) or more");
    }

    this.search = root.get("search");
    if (!search.isMissing()) {
      search.requireObject();
    }
    this.method = search.string("method", DEFAULT_METHOD);
    this.iterations = search.positiveInteger("iterations", 100);
    this.seed = search.optLong("seed").orElse(null);
    try {
      this.direction = Direction.parse(search.string("direction", "minimize"));
    } catch (IllegalArgumentException e) {
      throw search.get("direction").error(e.getMessage());
    }
    this.objective = ObjectiveParser.parse(root.get("metrics"), search);

    this.deterministic = search.bool("deterministic", false);
    this.pruner = io.hypermax.core.pruning.PrunerSettings.from(search);

    ConfigNode storage = root.get("storage");
    if (!storage.isMissing()) {
      storage.requireObject().requireKnownKeys(Set.of("fsync", "url"));
    }
    try {
      this.fsync = io.hypermax.core.storage.FsyncPolicy.parse(storage.string("fsync", "group"));
    } catch (IllegalArgumentException e) {
      throw storage.get("fsync").error(e.getMessage());
    }

    this.results = root.get("results");
    if (!results.isMissing()) {
      results.requireObject();
    }
    this.resultsDirectory = results.string("directory", "results");
    if (resultsDirectory.isBlank()) {
      throw results.get("directory").error("must not be empty");
    }

    ConfigNode ui = root.get("ui");
    if (!ui.isMissing()) {
      Set<String> uiKeys = new java.util.HashSet<>(WebUiSettings.KEYS);
      uiKeys.add("enabled");
      ui.requireObject().requireKnownKeys(uiKeys);
    }
    this.uiEnabled = ui.bool("enabled", true);
    this.webUi = WebUiSettings.of(ui);

    List<Path> paths = new ArrayList<>();
    ConfigNode plugins = root.get("plugins");
    if (!plugins.isMissing()) {
      if (!plugins.json().isArray()) {
        throw plugins.error("must be a list of jar files or folders");
      }
      for (ConfigNode p : plugins.elements()) {
        if (!p.json().isTextual()) {
          throw p.error("must be a path to a jar file or folder");
        }
        Path path = Path.of(p.json().asText());
        Path resolved = path.isAbsolute() ? path : directory.resolve(path).normalize();
        if (!java.nio.file.Files.exists(resolved)) {
          throw p.error("not found: " + resolved);
        }
        paths.add(resolved);
      }
    }
    this.pluginPaths = List.copyOf(paths);
  }

  public static HypermaxConfig from(String file, Path directory, JsonNode root) {
    return new HypermaxConfig(file, directory, root);
  }

  /** A copy with {@code search.<key>} replaced (used for --seed and --iterations). */
  public HypermaxConfig withSearchValue(String key, long value) {
    ObjectNode copy = raw.deepCopy();
    JsonNode s = copy.get("search");
    ObjectNode searchNode = s instanceof ObjectNode o ? o : copy.putObject("search");
    searchNode.put(key, value);
    return new HypermaxConfig(file, directory, copy);
  }

  public String file() {
    return file;
  }

  /** Folder of the config file: relative paths inside the config are relative to it. */
  public Path directory() {
    return directory;
  }

  public JsonNode raw() {
    return raw;
  }

  public SearchSpace space() {
    return space;
  }

  public ConfigNode function() {
    return function;
  }

  public ConfigNode search() {
    return search;
  }

  public ConfigNode results() {
    return results;
  }

  /** {@code search.pruner}: which pruner stops bad trials early, and its common settings (see docs/pruning.md). */
  public io.hypermax.core.pruning.PrunerSettings pruner() {
    return pruner;
  }

  public String method() {
    return method;
  }

  public String functionType() {
    return functionType;
  }

  public int iterations() {
    return iterations;
  }

  public Optional<Long> seed() {
    return Optional.ofNullable(seed);
  }

  public Direction direction() {
    return direction;
  }

  /** How results become losses: the {@code metrics} section and {@code search.objectives}; {@link Objective#LOSS} without one. */
  public Objective objective() {
    return objective;
  }

  public int parallel() {
    return parallel;
  }

  /** Consecutive FAILED trials that stop the search; 0 never stops. */
  public int maxFailures() {
    return maxFailures;
  }

  public String resultsDirectory() {
    return resultsDirectory;
  }

  public boolean uiEnabled() {
    return uiEnabled;
  }

  /** {@code ui.web*}: the web dashboard beside the search (docs/dashboard.md). */
  public WebUiSettings webUi() {
    return webUi;
  }

  /** {@code search.deterministic}: trial n is suggested from exactly the trials before it, also in parallel. */
  public boolean deterministic() {
    return deterministic;
  }

  /** {@code storage.url}: a shared study (e.g. {@code postgresql://user@host:5432/db?study=name}), or null (a local journal). */
  public String storageUrl() {
    String url = raw().path("storage").path("url").asText(null);
    return url == null || url.isBlank() ? null : url;
  }

  /** {@code storage.fsync}: group commit (default) or one fsync per finished trial. */
  public io.hypermax.core.storage.FsyncPolicy fsync() {
    return fsync;
  }

  public List<Path> pluginPaths() {
    return pluginPaths;
  }
}
