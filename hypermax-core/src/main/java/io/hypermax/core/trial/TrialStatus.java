package io.hypermax.core.trial;

import io.hypermax.core.stability.API;

/**
 * Life cycle of a trial. Only COMPLETE trials have a loss of their own; KILLED ones get the kill loss;
 * PRUNED ones (stopped early by a pruner) carry the last value they reported.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TrialStatus {
  RUNNING,
  COMPLETE,
  FAILED,
  KILLED,
  PRUNED;

  public boolean isFinished() {
    return this != RUNNING;
  }
}
