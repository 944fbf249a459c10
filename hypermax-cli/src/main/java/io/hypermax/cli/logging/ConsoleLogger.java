package io.hypermax.cli.logging;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Prints one line per event on the current {@code System.err}: "warning: ...", "error: ...". */
final class ConsoleLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  ConsoleLogger(String name) {
    this.name = name;
  }

  @Override
  public boolean isTraceEnabled() {
    return ConsoleLogLevel.enabled(name, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return ConsoleLogLevel.enabled(name, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return ConsoleLogLevel.enabled(name, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return ConsoleLogLevel.enabled(name, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return ConsoleLogLevel.enabled(name, Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    StringBuilder line = new StringBuilder(label(level)).append(": ");
    if (level.toInt() <= Level.DEBUG.toInt()) {
      line.append('[').append(name).append("] "); // debug output is for developers: say where it comes from
    }
    line.append(message);
    if (throwable != null && !isDebugEnabled()) {
      line.append(": ").append(throwable);
    }
    // System.err is looked up on every call so that redirected streams (tests, the CLI's own capture) are honoured.
    PrintStream err = System.err;
    synchronized (err) {
      err.println(line);
      if (throwable != null && isDebugEnabled()) {
        throwable.printStackTrace(err);
      }
    }
  }

  private static String label(Level level) {
    return switch (level) {
      case ERROR -> "error";
      case WARN -> "warning";
      case INFO -> "info";
      case DEBUG -> "debug";
      case TRACE -> "trace";
    };
  }
}
