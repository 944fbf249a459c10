package io.hypermax.core.pruning;

import io.hypermax.core.stability.API;

/**
 * May be thrown by a function after {@link TrialHandle#report} said stop (as Optuna's
 * {@code TrialPruned}); the trial is recorded as PRUNED with its last reported value either way,
 * whether the function returns or throws.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class TrialPrunedException extends RuntimeException {
  public TrialPrunedException() {
    super("pruned");
  }

  public TrialPrunedException(String message) {
    super(message);
  }
}
