package io.hypermax.executors.internal.executable;

import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.TrialFiles;
import java.io.IOException;
import io.hypermax.core.stability.API;

/**
 * Turns how a program run ended into the trial's result, the way {@code executable} defines it: a
 * start error or a kill as such, a non-zero exit as FAILED, else the file in
 * {@code HYPERMAX_RESULT} when the program wrote one, else the last non-empty line of stdout (a
 * number or a JSON object). Shared by every executor that runs a user's program (here or remotely).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ExecutableResults {
  /** Reads the parsed {@code HYPERMAX_RESULT} file, or null when the program wrote none. */
  @FunctionalInterface
  public interface ResultFile {
    Object read() throws IOException;
  }

  private ExecutableResults() {}

  public static TrialResult interpret(ProcessOutcome outcome, double killLoss, ResultFile resultFile) {
    if (outcome.startError() != null) {
      return outcome.failed(outcome.startError());
    }
    if (outcome.killed()) {
      return outcome.killedResult(killLoss);
    }
    if (outcome.exitCode() != 0) {
      return outcome.failed("the command exited with code " + outcome.exitCode() + outcome.lastOutputHint());
    }
    Object written;
    try {
      written = resultFile.read();
    } catch (IOException e) {
      return outcome.failed("the file in $" + TrialFiles.RESULT_ENV + " is not JSON: " + e.getMessage());
    }
    if (written != null) {
      return ResultParser.parse(written, outcome.wallSeconds()).withUsage(outcome.usage()).withLog(outcome.log());
    }
    String line = outcome.lastStdoutLine();
    if (line == null) {
      return outcome.failed(
          "the command printed no result: its last line of output must be a number or a JSON object with 'loss'");
    }
    Object parsed = ProcessOutcome.isCut(line) ? null : StdoutResult.parse(line);
    if (parsed == null && ProcessOutcome.isCut(line)) {
      return outcome.failed(
          "the last line of output is longer than the " + (ProcessOutcome.MAX_RESULT_LINE_BYTES >> 20)
              + " MiB limit for a result line; print a short result line, or write the result as JSON to the file"
              + " named by $" + TrialFiles.RESULT_ENV + " (the whole output is in the trial's log)");
    }
    if (parsed == null && ProcessOutcome.hasInvalidUtf8(line)) {
      return outcome.failed(
          "the last line of output is not valid UTF-8 (hypermax reads output as UTF-8; make the program print"
              + " UTF-8, e.g. LANG=C.UTF-8 or PYTHONIOENCODING=utf-8): '" + shorten(line) + "'");
    }
    if (parsed == null) {
      return outcome.failed(
          "the last line of output is not a number or a JSON object: '" + shorten(line) + "'");
    }
    return ResultParser.parse(parsed, outcome.wallSeconds()).withUsage(outcome.usage()).withLog(outcome.log());
  }

  private static String shorten(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
