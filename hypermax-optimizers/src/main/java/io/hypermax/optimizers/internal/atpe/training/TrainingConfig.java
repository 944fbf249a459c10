package io.hypermax.optimizers.internal.atpe.training;

import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The size of one training run. Everything random derives from {@code masterSeed}.
 *
 * @param masterSeed the one seed of the run
 * @param objectives simulated objectives to generate; every 5th (index % 5 == 0) is held out for
 *     testing and every 5th from index 1 is the validation set that picks k
 * @param histories optimisation histories per objective
 * @param checkpoints history lengths at which states are labelled (ascending, the first >= 10)
 * @param horizon trials each action runs from a state to label it
 * @param actions ids of the catalogue's actions to train over (families must be installed)
 * @param kCandidates neighbour counts tried on the validation set
 * @param labels how a state's actions are valued: {@code rank} (0 = best of the actions, 1 = worst)
 *     or {@code log_regret} (log10 of the share of the state's regret each action leaves after the
 *     horizon, less the best action's: large differences count more than small ones)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record TrainingConfig(
    long masterSeed, int objectives, int histories, List<Integer> checkpoints, int horizon, List<String> actions,
    List<Integer> kCandidates, String labels) {

  public TrainingConfig {
    if (objectives < 5 || histories < 1 || horizon < 1 || checkpoints.isEmpty() || checkpoints.get(0) < 10) {
      throw new IllegalArgumentException("need >= 5 objectives, >= 1 history, horizon >= 1, checkpoints from 10");
    }
    if (!LABELS.contains(labels)) {
      throw new IllegalArgumentException("labels must be one of " + LABELS + ", found '" + labels + "'");
    }
    checkpoints = List.copyOf(checkpoints);
    actions = List.copyOf(actions);
    kCandidates = List.copyOf(kCandidates);
  }

  public static final List<String> LABELS = List.of("rank", "log_regret");

  /** Every action of the catalogue, in its order (a new catalogue action joins the full training by itself). */
  static final List<String> ALL_ACTIONS =
      io.hypermax.optimizers.internal.atpe.AtpeAction.CATALOGUE.stream().map(io.hypermax.optimizers.internal.atpe.AtpeAction::id).toList();

  /** The configuration the test suite runs (seconds). */
  public static TrainingConfig small(long seed) {
    return new TrainingConfig(seed, 5, 1, List.of(10, 20), 3,
        List.of("tpe", "tpe-explore", "tpe-lock", "tpe-filter-rank", "storm"), List.of(1, 3), "log_regret");
  }

  /** The configuration of the shipped model (docs/atpe.md gives its size and time). */
  public static TrainingConfig full(long seed) {
    return new TrainingConfig(seed, 150, 2, List.of(10, 16, 24, 34, 46, 60, 78, 100), 10, ALL_ACTIONS,
        List.of(1, 3, 5, 9, 15, 25, 40), "log_regret");
  }
}
