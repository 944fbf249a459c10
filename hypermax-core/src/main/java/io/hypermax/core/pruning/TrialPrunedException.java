package io.hypermax.core.pruning;

/**
 * May be thrown by a function after {@link TrialHandle#report} said stop (as Optuna's
 * {@code TrialPruned}); the trial is recorded as PRUNED with its last reported value either way,
 * whether the function returns or throws.
 *
 * @since 0.2
 */
public class TrialPrunedException extends RuntimeException {
  public TrialPrunedException() {
    super("pruned");
  }

  public TrialPrunedException(String message) {
    super(message);
  }
}
