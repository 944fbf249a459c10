package io.hypermax.core.spi;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.stability.API;

/**
 * Suggests the next configuration to try. An optimizer may keep caches between calls, but all its
 * decisions must derive from the {@link SuggestRequest} (history and random generator), so a study
 * rebuilt from its journal continues the same sequence.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Optimizer {

  /**
   * Returns values for the active parameters of {@code request.space()}. Use
   * {@code request.space().complete(...)} to fill in and clean a partial proposal.
   *
   * @throws SearchExhaustedException when no configuration is left to try
   */
  Assignment suggest(SuggestRequest request);

  /**
   * What the optimizer wants recorded about the suggestion it made for trial {@code trialNumber}
   * (e.g. Adaptive-TPE's chosen action as {@code atpe.*} keys). The study adds these entries to
   * the trial's result metadata, so they reach the journal, results.csv and the reports; keys the
   * trial's own result sets win. Called once, right after {@link #suggest}. Default: nothing.
   *
   * @since 0.1
   */
  default java.util.Map<String, Object> trialMetadata(int trialNumber) {
    return java.util.Map.of();
  }
}
