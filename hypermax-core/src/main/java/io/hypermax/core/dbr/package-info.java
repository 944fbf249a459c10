/**
 * Define-by-run search spaces: user code asks {@link io.hypermax.core.dbr.HyperParameters} for its
 * parameters while it builds a model, and a {@link io.hypermax.core.dbr.Tuner} searches the space
 * that code defines, with StoRM or any other optimizer, in a resumable project directory. See
 * docs/storm.md.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.dbr;

import io.hypermax.core.stability.API;
