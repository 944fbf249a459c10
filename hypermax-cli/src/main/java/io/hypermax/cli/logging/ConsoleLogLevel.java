package io.hypermax.cli.logging;

import org.slf4j.event.Level;
import io.hypermax.core.stability.API;

/**
 * The threshold of the CLI's console logger. Changeable at any time (each command invocation sets
 * it from its flags), which slf4j-simple, configured once from system properties, cannot do.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConsoleLogLevel {
  private static volatile Level hypermax = Level.WARN;
  private static volatile Level others = Level.ERROR;

  private ConsoleLogLevel() {}

  /**
   * Sets the threshold from the command line flags: {@code --quiet} shows errors only, no flag
   * warnings, {@code -v} information, {@code -vv} debug (other libraries' loggers one step quieter,
   * so e.g. oshi's notes appear only with {@code -vv}).
   */
  public static void configure(int verbosity, boolean quiet) {
    if (quiet) {
      hypermax = Level.ERROR;
      others = Level.ERROR;
    } else if (verbosity <= 0) {
      hypermax = Level.WARN;
      others = Level.ERROR;
    } else if (verbosity == 1) {
      hypermax = Level.INFO;
      others = Level.WARN;
    } else {
      hypermax = Level.DEBUG;
      others = Level.DEBUG;
    }
  }

  static boolean enabled(String loggerName, Level level) {
    Level threshold = loggerName.startsWith("io.hypermax") ? hypermax : others;
    // SLF4J's Level ints grow with severity (TRACE 0 ... ERROR 40).
    return level.toInt() >= threshold.toInt();
  }
}
