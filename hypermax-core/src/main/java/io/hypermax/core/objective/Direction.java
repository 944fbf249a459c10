package io.hypermax.core.objective;

import java.util.Locale;
import io.hypermax.core.stability.API;

/** Whether the loss is minimized or maximized. Applied here and nowhere else: optimizers always minimize {@link #score}. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Direction {
  MINIMIZE,
  MAXIMIZE;

  /** The value optimizers minimize: the loss itself, or its negation when maximizing. */
  public double score(double loss) {
    return this == MINIMIZE ? loss : -loss;
  }

  /** Parses "minimize"/"maximize" (any case); anything else is an IllegalArgumentException. */
  public static Direction parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "minimize", "min" -> MINIMIZE;
      case "maximize", "max" -> MAXIMIZE;
      default -> throw new IllegalArgumentException(
          "direction must be 'minimize' or 'maximize', found '" + text + "'");
    };
  }
}
