package io.hypermax.core.spi;

import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Optional for an {@link Optimizer}: what it is doing now, as key/value pairs for people (the
 * console UI's optimizer view), e.g. ATPE's chosen action and settings. Called from a display
 * thread between suggestions: return a copy, quickly.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface OptimizerState {
  Map<String, String> state();
}
