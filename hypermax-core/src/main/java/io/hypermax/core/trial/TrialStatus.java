package io.hypermax.core.trial;

/** Life cycle of a trial. Only COMPLETE trials have a loss of their own; KILLED ones get the kill loss. */
public enum TrialStatus {
  RUNNING,
  COMPLETE,
  FAILED,
  KILLED;

  public boolean isFinished() {
    return this != RUNNING;
  }
}
