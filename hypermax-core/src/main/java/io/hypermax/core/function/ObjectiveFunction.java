package io.hypermax.core.function;

import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * A model to optimize, in the JVM: receives the nested parameters and returns a number (the loss)
 * or a {@code Map} with {@code loss}, optional {@code time} and any metadata.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ObjectiveFunction {
  Object evaluate(Map<String, Object> parameters) throws Exception;
}
