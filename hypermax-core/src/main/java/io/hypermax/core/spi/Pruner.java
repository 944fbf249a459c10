package io.hypermax.core.spi;

import io.hypermax.core.stability.API;

/**
 * Decides whether a running trial should stop, from the values it and the other trials reported.
 * Called by the study, under its lock, each time a trial reports a value; must be quick (it runs once
 * per report) and must not keep state that the learning curves do not hold, so a resumed study
 * decides as the first process would have.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface Pruner {

  /** True when {@code request.trial()} should stop now. */
  boolean shouldPrune(PruneRequest request);

  /**
   * The resource (epochs, a data fraction) trial {@code number} may use at most, passed to it as the
   * reserved budget parameter (see docs/pruning.md), or null to pass none.
   */
  default Number budget(int number) {
    return null;
  }
}
