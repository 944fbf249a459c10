package io.hypermax.core.study;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;

/** The simplest optimizer: a draw from the prior with the request's generator (core has no optimizer of its own). */
public final class PriorSampler implements Optimizer {
  @Override
  public Assignment suggest(SuggestRequest request) {
    return request.space().sample(request.random());
  }
}
