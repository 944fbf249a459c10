package io.hypermax.executors.internal.executable;

import io.hypermax.executors.internal.process.TrialFiles;
import java.io.IOException;
import java.util.Map;

/** Reads a result line: a number, or a JSON object. */
final class StdoutResult {
  private StdoutResult() {}

  /** The number or Map on the line, or null when it is neither. */
  static Object parse(String line) {
    String s = line.strip();
    if (s.startsWith("{")) {
      try {
        return TrialFiles.JSON.readValue(s, Map.class);
      } catch (IOException e) {
        return null;
      }
    }
    if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(NaN|nan|Infinity|inf)")) {
      return null;
    }
    return switch (s.replace("+", "")) {
      case "nan", "NaN" -> Double.NaN;
      case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }
}
