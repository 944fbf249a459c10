package io.hypermax.core.space;

/** A parameter is active only when the choice at {@code choicePath} took branch {@code branch}. */
public record Condition(String choicePath, int branch) {}
