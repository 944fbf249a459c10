package io.hypermax.core.dbr;

import io.hypermax.core.space.Distribution;
import io.hypermax.core.stability.API;

/** A parameter was asked for again with another definition than the one it was registered with. */
@API(status = API.Status.STABLE, since = "0.1.0")
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
