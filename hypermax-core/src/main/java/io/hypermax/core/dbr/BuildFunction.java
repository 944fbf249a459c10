package io.hypermax.core.dbr;

import io.hypermax.core.stability.API;

/**
 * Define-by-run code: reads its parameters from {@code hp} and builds what a trial needs (an
 * untrained model, a pipeline, or just a settings object). It also runs as a dry run while trials
 * are planned, to learn which parameters a configuration activates, so keep it cheap and
 * deterministic: the same values must lead to the same parameters being asked for.
 *
 * @param <M> what it builds
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface BuildFunction<M> {
  M build(HyperParameters hp) throws Exception;
}
