package io.hypermax.optimizers.internal.storm;

import com.google.auto.service.AutoService;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * {@code search.method: storm}: the stochastic random mutator. Settings under {@code search}:
 * {@code init_random} (default 5), {@code randomize_axis_factor} (default 0.5) and
 * {@code storm_bins} (values per continuous number, default 21).
 */
@AutoService(OptimizerProvider.class)
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StormProvider implements OptimizerProvider {
  public static final String ID = "storm";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "StoRM: random start, then mutations of the best trial along a geometric number of axes, never repeating a configuration.";
  }

  @Override
  public Set<String> keys() {
    return Set.of("init_random", "randomize_axis_factor", "storm_bins");
  }

  @Override
  public Optimizer create(Context context) {
    ConfigNode s = context.settings();
    context.requireKnownKeys(keys());
    int initRandom = s.integer("init_random", StormSettings.DEFAULT_INIT_RANDOM);
    if (initRandom < 0) {
      throw s.get("init_random").error("must be 0 or more, found " + initRandom);
    }
    double factor = s.number("randomize_axis_factor", StormSettings.DEFAULT_FACTOR);
    if (!(factor >= 0 && factor < 1)) {
      throw s.get("randomize_axis_factor").error("must be at least 0 and below 1, found " + factor);
    }
    int bins = s.integer("storm_bins", StormSettings.DEFAULT_BINS);
    if (bins < 2) {
      throw s.get("storm_bins").error("must be at least 2, found " + bins);
    }
    return new StormOptimizer(new StormSettings(initRandom, factor, bins));
  }
}
