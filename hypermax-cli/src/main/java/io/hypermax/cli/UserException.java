package io.hypermax.cli;

/** A failure to report to the user as one line, without a stack trace. */
final class UserException extends RuntimeException {
  private final int exitCode;

  UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
