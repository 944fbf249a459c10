package io.hypermax.optimizers.internal.random;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import java.util.Set;
import io.hypermax.core.stability.API;

/** {@code search.method: random}: every trial is an independent draw from the prior of the space. */
@AutoService(OptimizerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class RandomSearchProvider implements OptimizerProvider {
  public static final String ID = "random";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Random search: independent draws from each parameter's prior (log, normal, rounding, conditional).";
  }

  @Override
  public Set<String> keys() {
    return Set.of();
  }

  @Override
  public Optimizer create(Context context) {
    context.requireKnownKeys(keys());
    return request -> request.space().sample(request.random());
  }
}
