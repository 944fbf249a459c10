package io.hypermax.core.dbr;

import io.hypermax.core.stability.API;

/**
 * Evaluates one trial: trains or runs what {@link BuildFunction} built and returns its score (the
 * value the tuner minimizes or maximizes; null or NaN marks the trial as failed). May record extra
 * metrics with {@link TunerTrial#metric}. An exception fails the trial, it does not stop the search.
 *
 * @param <M> what the build function built
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface TrialRunner<M> {
  Double run(TunerTrial trial, M built) throws Exception;
}
