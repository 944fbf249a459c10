package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.optimizers.internal.tpe.TpeSampler;
import io.hypermax.optimizers.internal.tpe.TpeSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import io.hypermax.core.stability.API;

/**
 * Carries out one {@link AtpeAction}: family {@code tpe} is filtering, a {@link TpeSampler} draw with
 * the action's per-call settings, then locking; any other family is the optimizer plugin of that id,
 * created once per study with its defaults (its own start-up phase disabled where it has one, as
 * ATPE ran the random phase already). The same runner serves the optimizer and the training
 * pipeline, so what the policy learned is what runs.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ActionRunner {
  /** Plugin settings a family gets beyond its defaults: no second random phase. */
  private static final Map<String, Map<String, Object>> FAMILY_SETTINGS =
      Map.of("storm", Map.of("init_random", 0), "gp", Map.of("n_startup_trials", 1));

  private final SearchSpace space;
  private final long seed;
  private final int nStartup;
  private final TpeSampler sampler;
  private final Map<String, Optimizer> families = new HashMap<>();
  private final Map<String, OptimizerProvider> providers;
  private List<String> lastLocked = List.of();

  public ActionRunner(SearchSpace space, long seed, int nStartup, Map<String, OptimizerProvider> providers) {
    this.space = space;
    this.seed = seed;
    this.nStartup = nStartup;
    this.sampler = new TpeSampler(TpeSettings.DEFAULTS);
    this.providers = providers;
  }

  /** The optimizer plugins on the class path, by id (sorted, so lookups are deterministic). */
  public static Map<String, OptimizerProvider> installedProviders() {
    Map<String, OptimizerProvider> out = new TreeMap<>();
    for (OptimizerProvider p : ServiceLoader.load(OptimizerProvider.class, ActionRunner.class.getClassLoader())) {
      if (!p.id().equals(AtpeProvider.ID)) {
        out.putIfAbsent(p.id(), p);
      }
    }
    return out;
  }

  public boolean canRun(AtpeAction action) {
    return action.family().equals(AtpeAction.TPE) || providers.containsKey(action.family());
  }

  /** The parameters the last TPE action locked (empty for other families). */
  public List<String> lastLocked() {
    return lastLocked;
  }

  /** The random phase: TPE's prior draws. */
  public Assignment startup(SuggestRequest request) {
    lastLocked = List.of();
    return sampler.suggest(request, AtpeAction.defaultTpe().tpeSettings(Integer.MAX_VALUE));
  }

  public Assignment run(AtpeAction action, SuggestRequest request, History history) {
    lastLocked = List.of();
    if (!action.family().equals(AtpeAction.TPE)) {
      try {
        return family(action.family()).suggest(request);
      } catch (io.hypermax.core.spi.SearchExhaustedException e) {
        // StoRM never repeats a configuration; TPE may, so a small space stays searchable.
        return sampler.suggest(request, AtpeAction.defaultTpe().tpeSettings(nStartup));
      }
    }
    TpeSettings settings = action.tpeSettings(nStartup);
    SuggestRequest seen = HistoryFilter.filter(request, history, action, request.random());
    // The shared sampler caches the full history by trial number; a filtered one needs its own table.
    Assignment draw =
        seen == request ? sampler.suggest(request, settings) : new TpeSampler(settings).suggest(seen, settings);
    Map<String, Object> locks = Locking.locks(request.space(), history, action, request.random());
    if (locks.isEmpty()) {
      return draw;
    }
    Map<String, Object> values = new LinkedHashMap<>(draw.values());
    values.putAll(locks);
    Assignment locked = request.space().complete(values, request.random());
    lastLocked = locks.keySet().stream().filter(locked::isActive).toList();
    return locked;
  }

  private Optimizer family(String id) {
    return families.computeIfAbsent(id, k -> {
      OptimizerProvider provider = providers.get(k);
      if (provider == null) {
        throw new IllegalStateException("atpe: no optimizer plugin '" + k + "' on the class path");
      }
      var node = JsonValues.MAPPER.createObjectNode().put("method", k);
      FAMILY_SETTINGS.getOrDefault(k, Map.of()).forEach((key, v) -> node.set(key, JsonValues.MAPPER.valueToTree(v)));
      return provider.create(new OptimizerProvider.Context(space, new ConfigNode(null, "search", node), seed));
    });
  }
}
