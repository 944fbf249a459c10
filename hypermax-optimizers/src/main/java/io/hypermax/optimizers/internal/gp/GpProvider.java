package io.hypermax.optimizers.internal.gp;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.stability.API;
import java.util.Set;

/** {@code search.method: gp}: Bayesian optimisation with a Gaussian process; settings in {@link GpSettings}, docs/gp.md. */
@AutoService(OptimizerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GpProvider implements OptimizerProvider {
  public static final String ID = "gp";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Gaussian process (Matern-5/2 ARD, fitted hyperparameters) with log expected improvement; best in few trials on smooth problems.";
  }

  @Override
  public Set<String> keys() {
    return GpSettings.KEYS;
  }

  @Override
  public Optimizer create(Context context) {
    context.requireKnownKeys(keys());
    return new GpOptimizer(GpSettings.from(context.settings()));
  }
}
