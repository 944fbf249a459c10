package io.hypermax.core.internal.config;

import io.hypermax.core.stability.API;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer as a command line names it, {@code id:key=value:…} (e.g. {@code tpe:multivariate=true:gamma=0.2}),
 * for {@code hypermax bench} and {@code hypermax atpe-bench}: its plugin id and its settings, each value read as
 * the JSON scalar it looks like (integer, number, boolean), else kept as a string.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record MethodText(String id, Map<String, Object> settings) {
  private static final String NUMBER = "-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?";

  /** @throws IllegalArgumentException naming a setting that is not {@code key=value} */
  public static MethodText parse(String text) {
    String[] parts = text.trim().split(":");
    Map<String, Object> settings = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad method setting '" + parts[i] + "' in '" + text + "': use key=value");
      }
      settings.put(parts[i].substring(0, eq), scalar(parts[i].substring(eq + 1)));
    }
    return new MethodText(parts[0], settings);
  }

  /** A value's text as the scalar it reads as; "NaN", "1d" or " 3" stay strings, as a JSON reader would not take them for numbers. */
  public static Object scalar(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    if (!text.matches(NUMBER)) {
      return text;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notLong) {
      return Double.parseDouble(text); // the pattern only lets through what parses
    }
  }
}
