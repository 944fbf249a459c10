package io.hypermax.optimizers.internal.tpe;

import com.google.auto.service.AutoService;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.stability.API;
import java.util.Set;

/** {@code search.method: tpe}: the Tree-structured Parzen Estimator; settings in {@link TpeSettings}. */
@AutoService(OptimizerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TpeProvider implements OptimizerProvider {
  public static final String ID = "tpe";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Tree-structured Parzen Estimator (univariate or multivariate, conditional spaces, constant liar).";
  }

  @Override
  public Set<String> keys() {
    return TpeSettings.KEYS;
  }

  @Override
  public Optimizer create(Context context) {
    context.requireKnownKeys(keys());
    return new TpeSampler(TpeSettings.from(context.settings()));
  }
}
