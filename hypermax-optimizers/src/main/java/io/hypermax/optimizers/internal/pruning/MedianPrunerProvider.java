package io.hypermax.optimizers.internal.pruning;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;

/** {@code search.pruner: median}: prunes below the median of the complete trials at the same step. */
@AutoService(PrunerProvider.class)
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
