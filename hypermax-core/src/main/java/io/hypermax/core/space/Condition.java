package io.hypermax.core.space;

import io.hypermax.core.stability.API;

/** A parameter is active only when the choice at {@code choicePath} took branch {@code branch}. */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Condition(String choicePath, int branch) {}
