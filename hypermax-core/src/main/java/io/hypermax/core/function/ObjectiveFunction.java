package io.hypermax.core.function;

import java.util.Map;

/**
 * A model to optimize, in the JVM: receives the nested parameters and returns a number (the loss)
 * or a {@code Map} with {@code loss}, optional {@code time} and any metadata.
 */
@FunctionalInterface
public interface ObjectiveFunction {
  Object evaluate(Map<String, Object> parameters) throws Exception;
}
