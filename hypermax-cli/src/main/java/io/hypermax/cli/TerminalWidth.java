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

  /** picocli asks the terminal (stty/tput) when auto width is on; only when standard output is a terminal. */
  private static int picocliWidth() {
    if (System.console() == null) {
      return 0;
    }
    CommandLine.Model.UsageMessageSpec usage = new CommandLine.Model.UsageMessageSpec().autoWidth(true);
    return usage.width();
  }
}
