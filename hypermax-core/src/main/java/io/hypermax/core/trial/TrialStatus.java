package io.hypermax.core.trial;

/**
 * Life cycle of a trial. Only COMPLETE trials have a loss of their own; KILLED ones get the kill loss;
 * PRUNED ones (stopped early by a pruner) carry the last value they reported.
 */
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
