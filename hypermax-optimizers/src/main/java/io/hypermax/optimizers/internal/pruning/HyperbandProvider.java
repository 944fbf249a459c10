package io.hypermax.optimizers.internal.pruning;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import java.util.Set;
import io.hypermax.core.stability.API;

/** {@code search.pruner: hyperband}: Hyperband brackets of asynchronous successive halving. */
@AutoService(PrunerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HyperbandProvider implements PrunerProvider {
  public static final String ID = "hyperband";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Hyperband: trials split over brackets of successive halving that start pruning at different steps.";
  }

  @Override
  public Pruner create(Context context) {
    context.requireKnownKeys(Set.of("min_resource", "max_resource", "reduction_factor", "bootstrap_count"));
    ConfigNode s = context.settings();
    long min = PrunerKeys.atLeast(s, "min_resource", 1, 1);
    long max = PrunerKeys.maxResource(context, true);
    if (max < min) {
      throw s.get("max_resource").error("must be at least min_resource (" + min + "), found " + max);
    }
    return new HyperbandPruner(
        min, max, PrunerKeys.atLeast(s, "reduction_factor", 3, 2), PrunerKeys.atLeast(s, "bootstrap_count", 0, 0),
        context.seed(), max);
  }
}
