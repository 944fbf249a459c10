/**
 * In-JVM objective functions: {@link io.hypermax.core.function.ObjectiveFunction}, what a library user
 * writes, {@link io.hypermax.core.function.ReportingFunction}, one that reports intermediate values for pruning,
 * and {@link io.hypermax.core.function.FunctionExecutor}, the executor that calls it in this JVM.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.function;

import io.hypermax.core.stability.API;
