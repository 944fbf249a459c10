package io.hypermax.core.function;

import io.hypermax.core.pruning.TrialHandle;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * A model in the JVM that reports intermediate values while it trains and stops when the pruner
 * says so (see {@link TrialHandle}); returns what an {@link ObjectiveFunction} returns.
 *
 * @since 0.2
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface ReportingFunction {
  Object evaluate(Map<String, Object> parameters, TrialHandle trial) throws Exception;
}
