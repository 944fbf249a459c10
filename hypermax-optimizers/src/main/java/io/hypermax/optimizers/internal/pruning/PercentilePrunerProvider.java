package io.hypermax.optimizers.internal.pruning;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import java.util.Set;
import io.hypermax.core.stability.API;

/** {@code search.pruner: percentile}: prunes below a percentile of the complete trials at the same step. */
@AutoService(PrunerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PercentilePrunerProvider implements PrunerProvider {
  public static final String ID = "percentile";
  static final Set<String> KEYS = Set.of("n_startup_trials", "n_warmup_steps", "interval_steps", "n_min_trials", "max_resource");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Prunes a trial whose best value is worse than the given percentile of complete trials at the same step.";
  }

  @Override
  public Pruner create(Context context) {
    java.util.Set<String> keys = new java.util.HashSet<>(KEYS);
    keys.add("percentile");
    context.requireKnownKeys(keys);
    ConfigNode s = context.settings();
    if (!s.has("percentile")) {
      throw s.error("the percentile pruner needs percentile (0-100; the median pruner is percentile 50)");
    }
    double p = s.number("percentile", 50);
    if (!(p >= 0 && p <= 100)) {
      throw s.get("percentile").error("must be between 0 and 100, found " + p);
    }
    return create(context, p);
  }

  static Pruner create(Context context, double percentile) {
    ConfigNode s = context.settings();
    return new PercentilePruner(
        percentile,
        PrunerKeys.atLeast(s, "n_startup_trials", 5, 0),
        PrunerKeys.atLeast(s, "n_warmup_steps", 0, 0),
        PrunerKeys.atLeast(s, "interval_steps", 1, 1),
        PrunerKeys.atLeast(s, "n_min_trials", 1, 1),
        PrunerKeys.maxResource(context, false));
  }
}
