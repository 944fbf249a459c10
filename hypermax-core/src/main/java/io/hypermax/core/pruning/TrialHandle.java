package io.hypermax.core.pruning;

import io.hypermax.core.stability.API;

/**
 * What a running trial reports through: a {@code java_function} or {@code java_process} method
 * {@code method(Map<String, Object>, TrialHandle)} receives one, as does the define-by-run tuner's trial.
 *
 * <pre>{@code
 * for (int epoch = 1; epoch <= epochs; epoch++) {
 *   double loss = trainOneEpoch();
 *   if (trial.report(epoch, loss)) {
 *     return loss; // pruned: hypermax records the trial as PRUNED with this value and step
 *   }
 * }
 * }</pre>
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface TrialHandle {
  /** A handle that records nothing and never prunes (no study, or a study without a pruner). */
  TrialHandle NONE =
      new TrialHandle() {
        @Override
        public int number() {
          return -1;
        }

        @Override
        public boolean report(long step, double value) {
          return false;
        }

        @Override
        public boolean shouldPrune() {
          return false;
        }
      };

  /** The trial's number, or -1 outside a study. */
  int number();

  /**
   * Records the value (e.g. the validation loss, in the study's direction) the trial reached at
   * {@code step} (an epoch, a number of boosting rounds; increasing) and asks the pruner.
   *
   * @return true when the trial should stop now; once true it stays true
   */
  boolean report(long step, double value);

  /** Whether the pruner decided to stop this trial (at its last report). */
  boolean shouldPrune();
}
