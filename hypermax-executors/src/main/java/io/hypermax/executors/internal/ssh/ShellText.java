package io.hypermax.executors.internal.ssh;

import io.hypermax.executors.internal.executable.Placeholders;
import io.hypermax.executors.internal.executable.Placeholders.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quoting for the remote POSIX shell, and the placeholder substitution that makes parameter values
 * harmless there. A value is never pasted into shell code: {@code {name}} becomes a reference to an
 * environment variable ({@code HYPERMAX_P_1}, …) whose value is set with single quotes, so whatever
 * the value holds ({@code ;}, {@code $(…)}, quotes, newlines) it is data, never a command.
 */
final class ShellText {
  static final String VALUE_PREFIX = "HYPERMAX_P_";

  private ShellText() {}

  /** {@code s} as one single-quoted shell word (the one quoting helper, {@link Placeholders#shellQuote}). */
  static String quote(String s) {
    return Placeholders.shellQuote(s);
  }

  /**
   * The command with its placeholders replaced by variable references, and the values of those
   * variables in order ({@code HYPERMAX_P_1} first).
   */
  record Substituted(String command, List<String> values) {}

  static Substituted substitute(String command, Map<String, Object> nested, Map<String, Object> flat) {
    Quoting[] context = Placeholders.quotingAt(command);
    List<String> values = new ArrayList<>();
    // {name!q} is rendered like {name}: a variable reference is safe in every quoting context, a pasted value is not.
    String out = Placeholders.substitute(command, nested, flat, (position, value, shellQuoted) -> {
      values.add(value);
      String var = "${" + VALUE_PREFIX + values.size() + "}";
      return switch (context[position]) {
        case NONE -> "\"" + var + "\""; // quoted: no word splitting, no globbing
        case DOUBLE -> var; // already inside double quotes
        case SINGLE -> "'\"" + var + "\"'"; // close the single quotes, expand, reopen
      };
    });
    return new Substituted(out, values);
  }
}
