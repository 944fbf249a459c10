package io.hypermax.optimizers.internal.pruning;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import java.util.Set;
import io.hypermax.core.stability.API;

/** {@code search.pruner: successive_halving}: asynchronous successive halving (ASHA). */
@AutoService(PrunerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SuccessiveHalvingProvider implements PrunerProvider {
  public static final String ID = "successive_halving";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Asynchronous successive halving (ASHA): keeps the best 1/reduction_factor of trials at each rung.";
  }

  @Override
  public Pruner create(Context context) {
    context.requireKnownKeys(Set.of("min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count", "max_resource"));
    ConfigNode s = context.settings();
    long minResource = SuccessiveHalvingPruner.AUTO;
    if (s.has("min_resource") && !(s.get("min_resource").json().isTextual() && s.get("min_resource").json().asText().equals("auto"))) {
      minResource = PrunerKeys.atLeast(s, "min_resource", 1, 1);
    }
    return new SuccessiveHalvingPruner(
        minResource,
        PrunerKeys.atLeast(s, "reduction_factor", 4, 2),
        PrunerKeys.atLeast(s, "min_early_stopping_rate", 0, 0),
        PrunerKeys.atLeast(s, "bootstrap_count", 0, 0),
        PrunerKeys.maxResource(context, false),
        t -> true);
  }
}
