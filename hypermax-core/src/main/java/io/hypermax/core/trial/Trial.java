package io.hypermax.core.trial;

import io.hypermax.core.space.Assignment;
import java.time.Instant;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * One evaluation of the function: its number (0-based, unique in a study), the parameters it got,
 * the nested view of them that the function received, and its result once finished.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Trial(
    int number,
    Assignment assignment,
    Map<String, Object> parameters,
    TrialStatus status,
    Instant start,
    Instant end,
    TrialResult result) {

  public static Trial running(int number, Assignment assignment, Map<String, Object> nested, Instant start) {
    return new Trial(number, assignment, nested, TrialStatus.RUNNING, start, null, null);
  }

  public Trial finish(TrialResult r, Instant endTime) {
    return new Trial(number, assignment, parameters, r.status(), start, endTime, r);
  }

  public boolean isFinished() {
    return status.isFinished();
  }

  /** The loss as reported (NaN while running or when FAILED). */
  public double loss() {
    return result == null ? Double.NaN : result.loss();
  }

  /** Flat view: dotted path to value, active parameters only. */
  public Map<String, Object> flatParameters() {
    return assignment.values();
  }
}
