package io.hypermax.core.dbr;

import io.hypermax.core.objective.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * The trials of a tuner project and how its last search ended.
 *
 * @param trials finished trials by number (including those of earlier runs of the project)
 * @param stopReason why the search ended before its budget (e.g. the space is exhausted), or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TuningResult(List<TrialRecord> trials, Direction direction, String stopReason) {

  public TuningResult {
    trials = List.copyOf(trials);
  }

  /** The best complete trial; ties go to the earlier trial. */
  public Optional<TrialRecord> best() {
    return trials.stream()
        .filter(TrialRecord::isComplete)
        .min(Comparator.comparingDouble((TrialRecord t) -> direction.score(t.score())).thenComparingInt(TrialRecord::number));
  }

  /** Scores of the trials in order (NaN for failed ones). */
  public List<Double> scores() {
    return trials.stream().map(TrialRecord::score).toList();
  }

  /**
   * One metric over all trials, in trial order, null where a trial did not record it.
   *
   * @throws IllegalArgumentException when no trial recorded {@code name} (most likely a typo)
   */
  public List<Object> metricValues(String name) {
    List<Object> values = new ArrayList<>();
    boolean seen = false;
    for (TrialRecord t : trials) {
      values.add(t.metrics().get(name));
      seen |= t.metrics().containsKey(name);
    }
    if (!seen) {
      throw new IllegalArgumentException("no trial recorded a metric named '" + name + "'");
    }
    return values;
  }
}
