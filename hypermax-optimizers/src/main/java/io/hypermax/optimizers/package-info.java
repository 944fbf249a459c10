/**
 * Optimizer plugins ({@link io.hypermax.core.spi.OptimizerProvider}): {@code random} in
 * {@code io.hypermax.optimizers.internal.random}, {@code storm} in {@code io.hypermax.optimizers.internal.storm}; each optimizer lives in its own package and registers with
 * {@code @AutoService}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
package io.hypermax.optimizers;

import io.hypermax.core.stability.API;
