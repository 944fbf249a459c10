/**
 * Types of hypermax-core in this package: {@link Executor}, {@link ExecutorProvider}, {@link HypermaxPlugin}, {@link Optimizer}, {@link OptimizerProvider}, {@link OptimizerState}, {@link PruneRequest}, {@link Pruner}, ....
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.spi;

import io.hypermax.core.stability.API;
