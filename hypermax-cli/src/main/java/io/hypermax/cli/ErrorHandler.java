package io.hypermax.cli;

import io.hypermax.core.config.ConfigException;
import picocli.CommandLine;

/** User mistakes print one line and exit 2; bugs print a stack trace and exit 1. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int CONFIG_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    if (e instanceof ConfigException) {
      cli.getErr().println("error: " + e.getMessage());
      return CONFIG_ERROR;
    }
    if (e instanceof UserException) {
      cli.getErr().println("error: " + e.getMessage());
      return ((UserException) e).exitCode();
    }
    cli.getErr().println("hypermax failed unexpectedly: " + e);
    e.printStackTrace(cli.getErr());
    return 1;
  }
}
