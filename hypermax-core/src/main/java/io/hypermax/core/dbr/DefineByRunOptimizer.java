package io.hypermax.core.dbr;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SpaceProbe;
import io.hypermax.core.spi.SuggestRequest;

/**
 * Lets any optimizer search a define-by-run space: its request carries a probe that dry-runs the
 * build function, and its proposal is resolved once more so the trial records exactly the
 * parameters the code asks for (new ones drawn from their prior, unused ones dropped).
 */
final class DefineByRunOptimizer implements Optimizer {
  private final Optimizer inner;
  private final SpaceProbe probe;

  DefineByRunOptimizer(Optimizer inner, SpaceProbe probe) {
    this.inner = inner;
    this.probe = probe;
  }

  @Override
  public Assignment suggest(SuggestRequest request) {
    SuggestRequest defineByRun = request.withProbe(probe);
    Assignment proposal = inner.suggest(defineByRun);
    return defineByRun.resolve(proposal.values());
  }

  @Override
  public java.util.Map<String, Object> trialMetadata(int trialNumber) {
    return inner.trialMetadata(trialNumber);
  }
}
