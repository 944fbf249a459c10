package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Assignment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One StoRM candidate: starting from the best configuration, mutate a uniformly chosen axis, then
 * with probability {@code factor} mutate again (the same axis may come up twice), so the number of
 * mutations is geometric: P(k) = (1 - f) f^(k-1). After every step the code is dry-run to learn the
 * active parameters; a parameter switched on for the first time in the chain gets a fresh value.
 */
final class MutationChain {
  /** The candidate and how many mutations made it. */
  record Result(Assignment candidate, int mutations) {}

  private final double factor;

  MutationChain(double factor) {
    this.factor = factor;
  }

  Result run(Assignment best, Proposals proposals) {
    // Values of parameters switched off along the chain stay here, as in the original, and can be
    // picked (a wasted step) or come back into use with their value.
    Map<String, Object> values = new LinkedHashMap<>(best.values());
    Assignment current = best;
    int mutations = 0;
    do {
      List<String> axes = proposals.mutable(values.keySet());
      if (axes.isEmpty()) {
        break;
      }
      String name = axes.get(proposals.random().nextInt(axes.size()));
      values.put(name, proposals.axis(name).mutate(values.get(name), proposals.random()));
      current = proposals.resolve(values);
      values.putAll(current.values());
      mutations++;
    } while (proposals.random().nextDouble() < factor);
    return new Result(current, mutations);
  }
}
