package io.hypermax.executors.executable;

import io.hypermax.executors.process.TrialFiles;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {name}} and {@code {dotted.path}} in command arguments with the trial's parameter
 * values. Only names of this trial's parameters (or of objects of them, which become JSON) are
 * replaced; any other text in braces, such as an awk program's {@code {print}}, is left as it is.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_\\-]*(?:\\.[A-Za-z0-9_\\-]+)*)}");

  private Placeholders() {}

  static String substitute(String argument, Map<String, Object> nested, Map<String, Object> flat) {
    Matcher m = PLACEHOLDER.matcher(argument);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = m.group(1);
      Object value = flat.containsKey(path) ? flat.get(path) : lookup(nested, path);
      String text = value == Missing.VALUE ? m.group() : format(value);
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  private enum Missing { VALUE }

  private static Object lookup(Map<String, Object> nested, String path) {
    Object current = nested;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return Missing.VALUE;
      }
      current = map.get(part);
    }
    return current;
  }

  /** Numbers without a needless ".0" or exponent, strings as they are, everything else as JSON. */
  static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    try {
      return TrialFiles.JSON.writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }
}
