package io.hypermax.optimizers.internal.pruning;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.stability.API;

/** {@code search.pruner: median}: prunes below the median of the complete trials at the same step. */
@AutoService(PrunerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MedianPrunerProvider implements PrunerProvider {
  public static final String ID = "median";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Prunes a trial whose best value is worse than the median of complete trials at the same step.";
  }

  @Override
  public Pruner create(Context context) {
    context.requireKnownKeys(PercentilePrunerProvider.KEYS);
    return PercentilePrunerProvider.create(context, 50);
  }
}
