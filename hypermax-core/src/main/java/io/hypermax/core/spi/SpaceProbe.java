package io.hypermax.core.spi;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import java.util.Map;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * Tells which parameters a proposal activates. For a config space that follows from its
 * {@code anyOf}/{@code oneOf} conditions; for a define-by-run space it is whatever the user's build
 * code asks for when run with the proposal (a dry run, as StoRM does), which may register parameters
 * never seen before. Optimizers that need to know the active set before proposing (to avoid
 * duplicates, as StoRM does) call {@link SuggestRequest#resolve}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface SpaceProbe {

  /**
   * The assignment a proposal really leads to: the proposal's values for active parameters, a draw
   * from the prior for an active parameter the proposal lacks, inactive parameters dropped.
   */
  Assignment resolve(Map<String, Object> proposal, RandomGenerator random);

  /** The space as known now; for define-by-run spaces it grows as {@link #resolve} meets new parameters. */
  SearchSpace space();

  /** The probe of a fixed, declared space: {@link SearchSpace#complete}. */
  static SpaceProbe of(SearchSpace space) {
    return new SpaceProbe() {
      @Override
      public Assignment resolve(Map<String, Object> proposal, RandomGenerator random) {
        return space.complete(proposal, random);
      }

      @Override
      public SearchSpace space() {
        return space;
      }
    };
  }
}
