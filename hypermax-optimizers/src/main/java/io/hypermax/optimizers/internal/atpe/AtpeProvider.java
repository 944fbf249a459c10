package io.hypermax.optimizers.internal.atpe;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.hypermax.core.stability.API;

/**
 * {@code search.method: atpe}: Adaptive-TPE with the learned policy shipped in the jar (docs/atpe.md).
 * Settings under {@code search}: {@code n_startup} (prior draws first, default 10) and
 * {@code atpe_model} (a policy file written by {@code hypermax atpe-train}, instead of the bundled one)
 * and {@code atpe_exclude} (comma-separated model families the policy may not choose, e.g. {@code gp})
 * and {@code decide_every} (finished trials between two decisions of the policy, default 1; from 200 trials on it decides at most once per 1 % growth of the history)
 * and {@code atpe_cycle} (for experiments: {@code +}- or comma-separated action ids, e.g. {@code gp+storm}, run in
 * turn by trial number instead of asking the policy, so a fixed portfolio can be measured against it).
 */
@AutoService(OptimizerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AtpeProvider implements OptimizerProvider {
  public static final String ID = "atpe";
  public static final int DEFAULT_STARTUP = 10;
  /** Per trial: measured better on held-out objectives than holding a decision for the 10-trial label horizon. */
  static final int DEFAULT_DECIDE_EVERY = 1;
  private static final Logger LOG = LoggerFactory.getLogger(AtpeProvider.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Adaptive-TPE: a learned policy picks per step between TPE settings, locking, filtering, StoRM mutation and GP.";
  }

  /** The {@code search} keys atpe reads (the core checks the section against them). */
  public Set<String> keys() {
    return Set.of("n_startup", "atpe_model", "atpe_exclude", "decide_every", "atpe_cycle");
  }

  @Override
  public Optimizer create(Context context) {
    context.requireKnownKeys(keys());
    ConfigNode s = context.settings();
    int nStartup = s.integer("n_startup", DEFAULT_STARTUP);
    if (nStartup < 1) {
      throw s.get("n_startup").error("must be >= 1, found " + nStartup);
    }
    int decideEvery = s.integer("decide_every", DEFAULT_DECIDE_EVERY);
    if (decideEvery < 1) {
      throw s.get("decide_every").error("must be >= 1, found " + decideEvery);
    }
    String file = s.string("atpe_model", null);
    PolicyModel policy = load(file);
    java.util.Map<String, OptimizerProvider> providers = ActionRunner.installedProviders();
    // "+" too, for `hypermax bench --methods`, whose own list is comma-separated: atpe:atpe_exclude=gp+storm
    for (String family : s.string("atpe_exclude", "").split("[,+]")) {
      String f = family.trim();
      if (f.equals(AtpeAction.TPE)) {
        throw s.get("atpe_exclude").error("tpe cannot be excluded: it is what the other families fall back to");
      }
      providers.remove(f);
    }
    ActionRunner runner = new ActionRunner(context.space(), context.seed(), nStartup, providers);
    List<AtpeAction> cycle = cycle(s, policy, runner);
    return new AtpeOptimizer(policy, nStartup, decideEvery, runner, cycle);
  }

  /** The {@code atpe_cycle} actions, empty when the policy decides; ids from the model's catalogue. */
  private static List<AtpeAction> cycle(ConfigNode s, PolicyModel policy, ActionRunner runner) {
    String text = s.string("atpe_cycle", "");
    List<AtpeAction> known = policy == null ? AtpeAction.CATALOGUE : policy.actions();
    List<AtpeAction> out = new ArrayList<>();
    for (String part : text.split("[,+]")) {
      String id = part.trim();
      if (id.isEmpty()) {
        continue;
      }
      AtpeAction a = known.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() -> s.get("atpe_cycle")
          .error("unknown action '" + id + "'; known: " + known.stream().map(AtpeAction::id).toList()));
      if (!runner.canRun(a)) {
        throw s.get("atpe_cycle").error("action '" + id + "' needs optimizer plugin '" + a.family()
            + "', which is excluded or not on the class path");
      }
      out.add(a);
    }
    return List.copyOf(out);
  }

  /** The policy, or null (with a warning) when it cannot be read: the optimizer then runs plain TPE. */
  static PolicyModel load(String file) {
    try {
      return file == null ? PolicyModel.bundled() : PolicyModel.read(Path.of(file));
    } catch (IOException | RuntimeException e) {
      LOG.warn("atpe: the policy model {} is unusable ({}); falling back to plain TPE with its defaults",
          file == null ? "bundled in the jar (" + PolicyModel.RESOURCE + ")" : file, e.getMessage());
      return null;
    }
  }
}
