/**
 * Types of hypermax-core in this package: {@link FunctionExecutor}, {@link ObjectiveFunction}, {@link ReportingFunction}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
package io.hypermax.core.function;

import io.hypermax.core.stability.API;
