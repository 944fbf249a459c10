package io.hypermax.core.pruning;

import java.util.OptionalDouble;
import io.hypermax.core.stability.API;

/**
 * The line protocol by which a trial process (an executable, a Python function, a java_process JVM,
 * an ssh command) reports intermediate values and hears the decision. See docs/pruning.md.
 *
 * <ul>
 *   <li>The program prints {@code hypermax:report STEP VALUE} as a line of its own on standard output
 *       (STEP an integer, VALUE a number; {@code nan}/{@code inf} allowed). The line is not taken for its result.
 *   <li>hypermax appends {@code STEP continue} or {@code STEP prune} to the file named by
 *       {@value #REPLY_ENV} once it decided; a program that wants the answer waits for its line.
 *   <li>A pruned program that is still running {@code grace_seconds} after the decision gets SIGTERM
 *       (its whole process tree), and is killed if it outlives a second grace period.
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ReportProtocol {
  /** Starts a report line. */
  public static final String PREFIX = "hypermax:report ";
  /** Environment variable naming the reply file. */
  public static final String REPLY_ENV = "HYPERMAX_REPORT_REPLY";
  /**
   * Environment variable naming the report file: a program whose stdout is not its own may append
   * {@code STEP VALUE} lines there instead of printing report lines (executables, python, java_process, slurm).
   */
  public static final String REPORT_FILE_ENV = "HYPERMAX_REPORT_FILE";
  public static final String PRUNE = "prune";
  public static final String CONTINUE = "continue";

  private ReportProtocol() {}

  /** A parsed report line. */
  public record Report(long step, double value) {}

  /** Whether {@code line} (stripped) is a report line, valid or not. */
  public static boolean isReport(String line) {
    return line.startsWith(PREFIX);
  }

  /**
   * Parses a report line.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static Report parse(String line) {
    String[] parts = line.substring(PREFIX.length()).trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a report line is '" + PREFIX + "STEP VALUE', found: " + cut(line));
    }
    long step;
    try {
      step = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the step of a report line must be an integer, found: " + cut(line));
    }
    OptionalDouble value = number(parts[1]);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the value of a report line must be a number, found: " + cut(line));
    }
    return new Report(step, value.getAsDouble());
  }

  private static OptionalDouble number(String s) {
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "nan":
        return OptionalDouble.of(Double.NaN);
      case "inf", "+inf", "infinity":
        return OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-inf", "-infinity":
        return OptionalDouble.of(Double.NEGATIVE_INFINITY);
      default:
        try {
          return OptionalDouble.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
    }
  }

  /** The line a program prints. */
  public static String line(long step, double value) {
    return PREFIX + step + " " + (Double.isNaN(value) ? "nan" : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf") : Double.toString(value));
  }

  /** The reply line hypermax appends. */
  public static String reply(long step, boolean prune) {
    return step + " " + (prune ? PRUNE : CONTINUE);
  }

  private static String cut(String line) {
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }
}
