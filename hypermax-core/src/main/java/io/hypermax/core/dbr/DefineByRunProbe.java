package io.hypermax.core.dbr;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.SpaceProbe;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Finds a proposal's active parameters by running the build function on it (StoRM's "dummy build"):
 * whatever the code asks for is active, parameters it meets for the first time are registered. A
 * build that throws during this dry run plans the parameters asked for until then; its trial fails
 * with the exception when it runs.
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
      // The build throws for this proposal: plan the trial with the parameters it asked for before
      // it threw. The real run builds again, throws again, and the trial is FAILED with the
      // exception like any other trial error; the search goes on. (Throwing here ended the search.)
      return new Assignment(hp.values());
    }
    return new Assignment(hp.values());
  }

  @Override
  public SearchSpace space() {
    return registry.space();
  }
}
