package io.hypermax.core.spi;

/** Thrown by an optimizer that has no untried configuration left; the study ends cleanly with the message. */
public class SearchExhaustedException extends RuntimeException {
  public SearchExhaustedException(String message) {
    super(message);
  }
}
