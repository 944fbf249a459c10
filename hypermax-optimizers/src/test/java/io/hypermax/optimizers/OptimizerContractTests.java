package io.hypermax.optimizers;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.contract.OptimizerContract;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.optimizers.internal.atpe.AtpeProvider;
import io.hypermax.optimizers.internal.random.RandomSearchProvider;
import io.hypermax.optimizers.internal.storm.StormProvider;
import io.hypermax.optimizers.internal.tpe.TpeProvider;
import org.junit.jupiter.api.Nested;

/** Every bundled optimizer runs the optimizer contract of core's test kit, created as its provider creates it. */
class OptimizerContractTests {

  static Optimizer create(OptimizerProvider provider, SearchSpace space, long seed) {
    var settings = JsonValues.MAPPER.createObjectNode().put("method", provider.id());
    return provider.create(new OptimizerProvider.Context(space, new ConfigNode(null, "search", settings), seed));
  }

  @Nested
  class Random extends OptimizerContract {
    @Override
    protected Optimizer create(SearchSpace space, long seed) {
      return OptimizerContractTests.create(new RandomSearchProvider(), space, seed);
    }
  }

  @Nested
  class Tpe extends OptimizerContract {
    @Override
    protected Optimizer create(SearchSpace space, long seed) {
      return OptimizerContractTests.create(new TpeProvider(), space, seed);
    }
  }

  @Nested
  class Storm extends OptimizerContract {
    @Override
    protected Optimizer create(SearchSpace space, long seed) {
      return OptimizerContractTests.create(new StormProvider(), space, seed);
    }
  }

  @Nested
  class Atpe extends OptimizerContract {
    @Override
    protected Optimizer create(SearchSpace space, long seed) {
      return OptimizerContractTests.create(new AtpeProvider(), space, seed);
    }
  }

  /** atpe holding each decision for 7 trials: a resume at trial 22 must rebuild the decision made at 21. */
  @Nested
  class AtpeHoldingDecisions extends OptimizerContract {
    @Override
    protected Optimizer create(SearchSpace space, long seed) {
      var settings = JsonValues.MAPPER.createObjectNode().put("method", AtpeProvider.ID).put("decide_every", 7);
      return new AtpeProvider().create(new OptimizerProvider.Context(space, new ConfigNode(null, "search", settings), seed));
    }

    @Override
    protected int trials() {
      return 44;
    }
  }
}
