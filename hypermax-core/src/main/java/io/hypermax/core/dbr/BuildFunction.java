package io.hypermax.core.dbr;

/**
 * Define-by-run code: reads its parameters from {@code hp} and builds what a trial needs (an
 * untrained model, a pipeline, or just a settings object). It also runs as a dry run while trials
 * are planned, to learn which parameters a configuration activates, so keep it cheap and
 * deterministic: the same values must lead to the same parameters being asked for.
 *
 * @param <M> what it builds
 */
@FunctionalInterface
public interface BuildFunction<M> {
  M build(HyperParameters hp) throws Exception;
}
