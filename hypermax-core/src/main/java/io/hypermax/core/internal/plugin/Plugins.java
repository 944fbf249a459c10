package io.hypermax.core.internal.plugin;

import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.HypermaxPlugin;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.spi.ResultGeneratorProvider;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import io.hypermax.core.stability.API;

/**
 * The registry of optimizers, executors, result generators and pruners found with {@link ServiceLoader}.
 * A provider that fails to load is reported in {@link #problems()} instead of stopping the others;
 * two providers with the same id of the same kind make that id unusable (and are reported).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Plugins {
  private final Map<PluginKind, Map<String, PluginInfo>> byKind = new EnumMap<>(PluginKind.class);
  private final Map<PluginKind, Map<String, List<String>>> duplicates = new EnumMap<>(PluginKind.class);
  private final List<String> problems = new ArrayList<>();

  private Plugins() {}

  /** Loads every plugin visible to {@code loader}. */
  public static Plugins load(ClassLoader loader) {
    Plugins plugins = new Plugins();
    for (PluginKind kind : PluginKind.values()) {
      plugins.loadKind(kind, loader);
    }
    return plugins;
  }

  /** Loads with the class loader that loaded hypermax-core. */
  public static Plugins load() {
    return load(Plugins.class.getClassLoader());
  }

  private void loadKind(PluginKind kind, ClassLoader loader) {
    Map<String, PluginInfo> found = new LinkedHashMap<>();
    Map<String, List<String>> dups = new LinkedHashMap<>();
    ServiceLoader<? extends HypermaxPlugin> serviceLoader = ServiceLoader.load(kind.spi(), loader);
    var iterator = serviceLoader.stream().iterator();
    while (true) {
      ServiceLoader.Provider<? extends HypermaxPlugin> provider;
      try {
        if (!iterator.hasNext()) {
          break;
        }
        provider = iterator.next();
      } catch (ServiceConfigurationError e) {
        problems.add(kind.label() + ": " + e.getMessage());
        continue;
      }
      HypermaxPlugin plugin;
      try {
        plugin = provider.get();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        problems.add(kind.label() + " " + provider.type().getName() + " failed to load: " + rootCause(e));
        continue;
      }
      String id;
      try {
        id = plugin.id();
      } catch (RuntimeException e) {
        problems.add(kind.label() + " " + plugin.getClass().getName() + " failed to report its id: " + e);
        continue;
      }
      String location = location(plugin.getClass());
      PluginInfo info = new PluginInfo(kind, plugin, location);
      if (id == null || id.isBlank()) {
        problems.add(kind.label() + " " + plugin.getClass().getName() + " has no id");
      } else if (found.containsKey(id)) {
        dups.computeIfAbsent(id, k -> new ArrayList<>(List.of(describe(found.get(k))))).add(describe(info));
      } else {
        found.put(id, info);
      }
    }
    for (Map.Entry<String, List<String>> d : dups.entrySet()) {
      problems.add(
          "duplicate " + kind.noun() + " id '" + d.getKey() + "' provided by " + String.join(" and ", d.getValue()));
    }
    byKind.put(kind, found);
    duplicates.put(kind, dups);
  }

  /** ServiceLoader wraps a constructor's exception as "could not be instantiated"; the cause says why. */
  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? e.toString() : e.getMessage() + ": " + t;
  }

  private static String describe(PluginInfo info) {
    return info.plugin().getClass().getName() + " (" + info.location() + ")";
  }

  private static String location(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source == null || source.getLocation() == null ? "unknown" : source.getLocation().getPath();
    } catch (SecurityException e) {
      return "unknown";
    }
  }

  /** Every plugin found, by kind then id. */
  public List<PluginInfo> all() {
    List<PluginInfo> out = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      byKind.get(kind).values().stream().sorted(Comparator.comparing(PluginInfo::id)).forEach(out::add);
    }
    return out;
  }

  /** Load failures and duplicate ids, one human-readable line each. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** The sorted ids of a kind. */
  public List<String> ids(PluginKind kind) {
    return byKind.get(kind).keySet().stream().sorted().toList();
  }

  public OptimizerProvider optimizer(String id) {
    return (OptimizerProvider) find(PluginKind.OPTIMIZER, id).plugin();
  }

  public ExecutorProvider executor(String id) {
    return (ExecutorProvider) find(PluginKind.EXECUTOR, id).plugin();
  }

  public PrunerProvider pruner(String id) {
    return (PrunerProvider) find(PluginKind.PRUNER, id).plugin();
  }

  /**
   * Every result generator, each after those it depends on (by id otherwise).
   *
   * @throws IllegalStateException when a generator's dependency is not installed, or on a cycle
   */
  public List<ResultGeneratorProvider> resultGenerators() {
    return GeneratorOrder.of(byKind.get(PluginKind.RESULT_GENERATOR).values().stream()
        .map(i -> (ResultGeneratorProvider) i.plugin())
        .toList());
  }

  /** The plugin of {@code kind} with {@code id}; an unknown or ambiguous id is an exception that lists the choices. */
  public PluginInfo find(PluginKind kind, String id) {
    if (duplicates.get(kind).containsKey(id)) {
      throw new IllegalStateException(
          "ambiguous " + kind.noun() + " '" + id + "': provided by " + String.join(" and ", duplicates.get(kind).get(id)));
    }
    PluginInfo info = byKind.get(kind).get(id);
    if (info == null) {
      throw new UnknownPluginException(kind, id, ids(kind));
    }
    return info;
  }
}
