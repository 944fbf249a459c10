package io.hypermax.cli;

import io.hypermax.cli.logging.ConsoleLogLevel;
import picocli.CommandLine;
import io.hypermax.core.stability.API;

/** Entry point of the {@code hypermax} command. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
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
    // -v/--quiet are inherited by every subcommand; the log level must be set before the command runs.
    cli.setExecutionStrategy(
        parseResult -> {
          configureLogging(parseResult);
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cli.execute(args);
  }

  private static void configureLogging(CommandLine.ParseResult parseResult) {
    int verbosity = 0;
    boolean quiet = false;
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      verbosity += p.matchedOptionValue("--verbose", new boolean[0]).length;
      quiet |= p.matchedOptionValue("--quiet", false);
    }
    ConsoleLogLevel.configure(verbosity, quiet);
  }
}
