package io.hypermax.core.spi;

import io.hypermax.core.stability.API;

/** Thrown by an optimizer that has no untried configuration left; the study ends cleanly with the message. */
@API(status = API.Status.STABLE, since = "0.1.0")
public class SearchExhaustedException extends RuntimeException {
  public SearchExhaustedException(String message) {
    super(message);
  }
}
