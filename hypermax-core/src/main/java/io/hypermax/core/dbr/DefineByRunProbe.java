package io.hypermax.core.dbr;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.SpaceProbe;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Finds a proposal's active parameters by running the build function on it (StoRM's "dummy build"):
 * whatever the code asks for is active, parameters it meets for the first time are registered.
 */
final class DefineByRunProbe implements SpaceProbe {
  private final ParameterRegistry registry;
  private final BuildFunction<?> build;

  DefineByRunProbe(ParameterRegistry registry, BuildFunction<?> build) {
    this.registry = registry;
    this.build = build;
  }

  @Override
  public Assignment resolve(Map<String, Object> proposal, RandomGenerator random) {
    HyperParameters hp = new HyperParameters(registry, proposal, random);
    try {
      build.build(hp);
    } catch (ParameterRedefinedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the build function failed while planning a trial with " + hp.values() + ": " + e, e);
    }
    return new Assignment(hp.values());
  }

  @Override
  public SearchSpace space() {
    return registry.space();
  }
}
