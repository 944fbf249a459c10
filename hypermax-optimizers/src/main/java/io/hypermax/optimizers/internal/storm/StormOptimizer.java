package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * StoRM, the stochastic random mutator: {@code init_random} random configurations, then candidates
 * made by mutating the best trial along a geometric number of axes ({@link MutationChain}); a
 * candidate whose active parameters were already tried or are running is discarded and the chain
 * restarts from the best. Every decision derives from the request (its history and its per-trial
 * generator), so a study rebuilt from its journal continues the same sequence.
 */
final class StormOptimizer implements Optimizer {
  /** Random draws, then mutation chains, tried before the exact (enumerating) fallback. */
  static final int MAX_ATTEMPTS = 50;

  private final StormSettings settings;
  private final Axes axes;
  private final MutationChain chain;
  private final UntriedSearch untried = new UntriedSearch();

  StormOptimizer(StormSettings settings) {
    this.settings = settings;
    this.axes = new Axes(settings.bins());
    this.chain = new MutationChain(settings.randomizeAxisFactor());
  }

  @Override
  public Assignment suggest(SuggestRequest request) {
    Proposals proposals = new Proposals(request, axes);
    List<Trial> scored =
        request.finished().stream().filter(t -> !Double.isNaN(request.score(t))).toList();
    if (scored.size() < settings.initRandom()) {
      return random(proposals);
    }
    Trial best =
        scored.stream()
            .min(Comparator.comparingDouble(request::score).thenComparingInt(Trial::number))
            .orElse(null);
    return best == null ? random(proposals) : mutate(proposals, best.assignment());
  }

  private Assignment random(Proposals proposals) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Assignment a = proposals.resolve(Map.of());
      if (!proposals.isTried(a)) {
        return a;
      }
    }
    return untried.find(proposals, null, MAX_ATTEMPTS);
  }

  private Assignment mutate(Proposals proposals, Assignment best) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Assignment candidate = chain.run(best, proposals).candidate();
      if (!proposals.isTried(candidate)) {
        return candidate;
      }
    }
    return untried.find(proposals, best, MAX_ATTEMPTS);
  }
}
