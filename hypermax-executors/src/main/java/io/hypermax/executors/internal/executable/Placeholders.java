package io.hypermax.executors.internal.executable;

import io.hypermax.executors.internal.process.TrialFiles;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.hypermax.core.stability.API;

/**
 * Replaces {@code {name}} and {@code {dotted.path}} in command arguments with the trial's parameter
 * values. Only names of this trial's parameters (or of objects of them, which become JSON) are
 * replaced; any other text in braces, such as an awk program's {@code {print}}, is left as it is.
 *
 * <p>{@code {name!q}} is the same value quoted for a POSIX shell: wrapped in single quotes, an
 * embedded {@code '} written as {@code '\''}. Use it inside shell text ({@code [sh, -c, "train
 * --lr {lr!q}"]}), where a plain {@code {name}} would let a string value such as {@code ; rm -rf ~}
 * run as a command. In a plain argument list no shell is involved and {@code {name}} is safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_\\-]*(?:\\.[A-Za-z0-9_\\-]+)*)(!q)?}");

  private Placeholders() {}

  /**
   * Fails on a placeholder that names no parameter but is one typo away from one ({@code {lerning_rate}}),
   * which would otherwise be passed on literally and leave the model optimizing a constant. Other
   * braces (an awk program's {@code {print}}) are left alone.
   */
  public static void checkNames(List<String> arguments, SearchSpace space, ConfigNode commandNode) {
    Set<String> known = new LinkedHashSet<>();
    for (Parameter p : space.parameters()) {
      addWithPrefixes(known, p.path());
      addWithPrefixes(known, String.join(".", p.nestedPath()));
    }
    for (String argument : arguments) {
      Matcher m = PLACEHOLDER.matcher(argument);
      Quoting[] quoting = null;
      while (m.find()) {
        String name = m.group(1);
        if (m.group(2) != null) {
          quoting = quoting == null ? quotingAt(argument) : quoting;
          if (quoting[m.start()] != Quoting.NONE) {
            // Inside quotes the single quotes of {name!q} are literal, and $(...) in the value would run.
            throw commandNode.error("placeholder {" + name + "!q} stands inside quotes; it becomes one single-quoted"
                + " shell word, so write it outside them (--tag={" + name + "!q}, not \"--tag={" + name + "!q}\")");
          }
        }
        if (!known.contains(name)) {
          ConfigNode.closest(name, known).ifPresent(
              near -> {
                throw commandNode.error("placeholder {" + name + "} names no parameter (did you mean {" + near + "}?)");
              });
        }
      }
    }
  }

  private static void addWithPrefixes(Set<String> names, String path) {
    String[] parts = path.split("\\.");
    StringBuilder prefix = new StringBuilder();
    for (String part : parts) {
      prefix.append(prefix.length() == 0 ? "" : ".").append(part);
      names.add(prefix.toString());
    }
  }

  static String substitute(String argument, Map<String, Object> nested, Map<String, Object> flat) {
    return substitute(argument, nested, flat, (position, value, shellQuoted) -> shellQuoted ? shellQuote(value) : value);
  }

  /** How a placeholder's formatted value is written into the text, given where the placeholder starts. */
  @FunctionalInterface
  public interface Renderer {
    /** @param shellQuoted whether the placeholder was written {@code {name!q}} */
    String render(int position, String value, boolean shellQuoted);
  }

  /**
   * Like {@link #substitute(String, Map, Map)}, but each value found is passed through
   * {@code renderer} (for example to quote it, or to refer to it instead of inserting it).
   */
  public static String substitute(
      String argument, Map<String, Object> nested, Map<String, Object> flat, Renderer renderer) {
    Matcher m = PLACEHOLDER.matcher(argument);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = m.group(1);
      Object value = flat.containsKey(path) ? flat.get(path) : lookup(nested, path);
      String text = value == Missing.VALUE ? m.group() : renderer.render(m.start(), format(value), m.group(2) != null);
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  private enum Missing { VALUE }

  /** The POSIX shell quoting in force at a character of shell text. */
  public enum Quoting { NONE, SINGLE, DOUBLE }

  /** The quoting in force at each character of {@code text} (and one past its end). */
  public static Quoting[] quotingAt(String text) {
    Quoting[] at = new Quoting[text.length() + 1];
    Quoting q = Quoting.NONE;
    for (int i = 0; i < text.length(); i++) {
      at[i] = q;
      char c = text.charAt(i);
      if (q == Quoting.SINGLE) {
        if (c == '\'') {
          q = Quoting.NONE;
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        at[++i] = q; // the escaped character keeps the current quoting
      } else if (q == Quoting.NONE && c == '\'') {
        q = Quoting.SINGLE;
      } else if (c == '"') {
        q = q == Quoting.DOUBLE ? Quoting.NONE : Quoting.DOUBLE;
      }
    }
    at[text.length()] = q;
    return at;
  }

  /** One POSIX shell word holding {@code text} literally: nothing inside single quotes is special. */
  public static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

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
