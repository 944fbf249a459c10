package io.hypermax.core.spi;

import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.stability.API;

/**
 * Runs one trial and reports its outcome. Must be safe to call from {@code function.parallel}
 * threads at once. A failure of the user's function is a FAILED {@link TrialResult}, not an
 * exception; an {@link InterruptedException} means the study is stopping and the trial is abandoned.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Executor extends AutoCloseable {

  TrialResult run(TrialRequest request) throws InterruptedException;

  /**
   * How many trials this executor can usefully run at once, used when {@code function.parallel}
   * is not set (e.g. the total slots of an ssh host pool). Empty means the config's default of 1.
   *
   * @since 0.1
   */
  default java.util.OptionalInt preferredParallelism() {
    return java.util.OptionalInt.empty();
  }

  @Override
  default void close() {}
}
