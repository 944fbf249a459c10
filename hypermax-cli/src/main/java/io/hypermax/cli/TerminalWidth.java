package io.hypermax.cli;

import java.util.Map;
import picocli.CommandLine;

/** How many columns the output may use: COLUMNS, else picocli's terminal detection, else 100. */
final class TerminalWidth {
  static final int FALLBACK = 100;
  static final int MINIMUM = 40;

  private TerminalWidth() {}

  static int detect() {
    return detect(System.getenv(), TerminalWidth::picocliWidth);
  }

  /** @param detector the terminal's width, or a value below {@link #MINIMUM} when not known */
  static int detect(Map<String, String> env, java.util.function.IntSupplier detector) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.strip());
        if (n > 0) {
          return Math.max(MINIMUM, n);
        }
      } catch (NumberFormatException ignored) {
        // not a number: try the terminal
      }
    }
    int detected = detector.getAsInt();
    return detected >= MINIMUM ? detected : FALLBACK;
  }

  /**
   * True when standard input and output are an interactive terminal. On JDK 22+ System.console()
   * also returns a console for redirected streams, so its {@code isTerminal()} (called reflectively:
   * the code is built for 17) decides there.
   */
  static boolean interactive() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // JDK 17-21: a console exists only for a terminal
    }
  }

  /** picocli asks the terminal (stty/tput) when auto width is on; only when standard output is a terminal. */
  private static int picocliWidth() {
    if (!interactive()) {
      return 0;
    }
    CommandLine.Model.UsageMessageSpec usage = new CommandLine.Model.UsageMessageSpec().autoWidth(true);
    return usage.width();
  }
}
