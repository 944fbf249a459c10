package io.hypermax.executors.internal.ssh;

/**
 * A host could not be used: it cannot be reached, dropped the connection, or refused us. Not the
 * trial's fault, so the trial runs again elsewhere. {@code permanent} failures (a wrong host key,
 * authentication refused) are configuration problems that retrying does not fix.
 */
final class HostUnavailableException extends Exception {
  private final boolean permanent;

  HostUnavailableException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  boolean permanent() {
    return permanent;
  }
}
