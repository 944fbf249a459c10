package io.hypermax.cli;

import picocli.CommandLine;

/** Entry point of the {@code hypermax} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad usage or config, 130 interrupted). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new HypermaxCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    // A mistyped option gets one line and a pointer to --help, not the whole usage text.
    cli.setParameterExceptionHandler(
        (ex, args1) -> {
          CommandLine failed = ex.getCommandLine();
          failed.getErr().println("error: " + ex.getMessage());
          failed.getErr().println("(see " + failed.getCommandSpec().qualifiedName() + " --help)");
          return ErrorHandler.CONFIG_ERROR;
        });
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }
}
