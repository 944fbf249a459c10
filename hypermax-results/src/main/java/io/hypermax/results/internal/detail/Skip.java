package io.hypermax.results.internal.detail;

/** Thrown by a chart that cannot be drawn from the data; the reason becomes a note, never an error. */
public final class Skip extends RuntimeException {
  public Skip(String reason) {
    super(reason, null, false, false);
  }
}
