/**
 * StoRM, the stochastic random mutator ({@code search.method: storm}): random trials first, then
 * mutations of the best trial along a geometric number of axes, never repeating a configuration of
 * the active parameters. See docs/storm.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.stability.API;
