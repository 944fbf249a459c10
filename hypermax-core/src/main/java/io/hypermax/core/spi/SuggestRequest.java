package io.hypermax.core.spi;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.study.Direction;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everything an optimizer may base a suggestion on.
 *
 * @param trialNumber the number the suggested trial will get
 * @param space the current search space
 * @param finished finished trials (COMPLETE, FAILED, KILLED), ordered by number
 * @param running trials still running (their assignments are known, their losses are not)
 * @param direction use {@link #score(Trial)}, never the raw loss, to compare trials
 * @param random this suggestion's generator, derived from the study seed and the trial number
 */
public record SuggestRequest(
    int trialNumber,
    SearchSpace space,
    List<Trial> finished,
    List<Trial> running,
    Direction direction,
    RandomGenerator random) {

  public SuggestRequest {
    finished = List.copyOf(finished);
    running = List.copyOf(running);
  }

  /** The value to minimize for a finished trial: NaN for FAILED ones, the kill loss for KILLED ones. */
  public double score(Trial trial) {
    if (trial.status() == TrialStatus.FAILED || trial.result() == null) {
      return Double.NaN;
    }
    return direction.score(trial.loss());
  }

  /** COMPLETE trials only. */
  public List<Trial> complete() {
    return finished.stream().filter(t -> t.status() == TrialStatus.COMPLETE).toList();
  }
}
