package io.hypermax.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * An optimizer as named on the bench command line: its plugin id, optionally with settings, e.g.
 * {@code tpe:multivariate=true:n_ei_candidates=48}. Values are parsed as JSON scalars (numbers,
 * booleans), else kept as strings.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record MethodSpec(String label, String id, Map<String, Object> settings) {

  public static MethodSpec parse(String text) {
    String[] parts = text.trim().split(":");
    Map<String, Object> settings = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad method setting '" + parts[i] + "' in '" + text + "': use key=value");
      }
      settings.put(parts[i].substring(0, eq), scalar(parts[i].substring(eq + 1)));
    }
    return new MethodSpec(text.trim(), parts[0], settings);
  }

  /** A comma-separated list of methods. */
  public static List<MethodSpec> parseList(String text) {
    List<MethodSpec> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    return out;
  }

  private static Object scalar(String s) {
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException notLong) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException notNumber) {
        return s;
      }
    }
  }
}
