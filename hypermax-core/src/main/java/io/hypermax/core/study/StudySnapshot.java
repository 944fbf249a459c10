package io.hypermax.core.study;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a study at one moment: everything listeners and result generators need,
 * safe to hand to a background thread while the search goes on.
 *
 * @param trials every trial started so far, finished or running, ordered by number
 * @param iterations the planned total number of trials
 */
public record StudySnapshot(
    SearchSpace space, List<Trial> trials, Direction direction, int iterations, long seed) {

  public StudySnapshot {
    trials = List.copyOf(trials);
  }

  public List<Trial> finished() {
    return trials.stream().filter(Trial::isFinished).toList();
  }

  public List<Trial> complete() {
    return trials.stream().filter(t -> t.status() == TrialStatus.COMPLETE).toList();
  }

  public List<Trial> running() {
    return trials.stream().filter(t -> !t.isFinished()).toList();
  }

  /** The best COMPLETE trial by the direction's score; ties go to the earlier trial. */
  public Optional<Trial> best() {
    return complete().stream()
        .min(Comparator.comparingDouble((Trial t) -> direction.score(t.loss())).thenComparingInt(Trial::number));
  }
}
