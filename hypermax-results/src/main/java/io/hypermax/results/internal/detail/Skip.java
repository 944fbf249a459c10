package io.hypermax.results.internal.detail;

import io.hypermax.core.stability.API;

/** Thrown by a chart that cannot be drawn from the data; the reason becomes a note, never an error. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Skip extends RuntimeException {
  public Skip(String reason) {
    super(reason, null, false, false);
  }
}
