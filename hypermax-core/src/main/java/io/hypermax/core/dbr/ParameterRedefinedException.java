package io.hypermax.core.dbr;

import io.hypermax.core.space.Distribution;

/** A parameter was asked for again with another definition than the one it was registered with. */
public final class ParameterRedefinedException extends IllegalArgumentException {
  public ParameterRedefinedException(String name, Distribution registered, Distribution requested) {
    super(
        "parameter '"
            + name
            + "' is already defined as "
            + registered.describe()
            + " and cannot be redefined as "
            + requested.describe()
            + "; use another name, or the same definition everywhere (also when resuming a project)");
  }
}
