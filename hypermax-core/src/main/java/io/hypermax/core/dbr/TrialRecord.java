package io.hypermax.core.dbr;

import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * A finished trial of a {@link Tuner}, as saved in the project.
 *
 * @param score what the trial runner returned (NaN when the trial failed)
 * @param params the active parameters' values by name
 * @param metrics what the runner recorded with {@link TunerTrial#metric}
 * @param error why the trial failed, or null
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TrialRecord(
    int number, TrialStatus status, double score, Map<String, Object> params, Map<String, Object> metrics, String error) {

  static TrialRecord of(Trial t) {
    return new TrialRecord(
        t.number(), t.status(), t.loss(), t.flatParameters(), t.result().metadata(), t.result().error());
  }

  public boolean isComplete() {
    return status == TrialStatus.COMPLETE;
  }
}
