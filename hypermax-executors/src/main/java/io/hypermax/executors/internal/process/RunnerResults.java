package io.hypermax.executors.internal.process;

import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import java.io.IOException;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Reads what a hypermax runner (the Python runner, the java_process main class) wrote to
 * {@code HYPERMAX_RESULT}: {@code {"value": …}} or {@code {"error": "…", "traceback": "…"}}, with
 * the process's own {@code usage}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class RunnerResults {
  private RunnerResults() {}

  /**
   * @param function how to name the user's function in messages, e.g. {@code model.train}
   * @param process how to name the process, e.g. {@code python}
   */
  public static TrialResult interpret(ProcessOutcome outcome, TrialFiles files, String function, String process) {
    Object written;
    try {
      written = files.readResult();
    } catch (IOException e) {
      return outcome.failed("the " + process + " runner wrote an unreadable result: " + e.getMessage());
    }
    return interpret(outcome, written, function, process);
  }

  private static TrialResult interpret(ProcessOutcome outcome, Object written, String function, String process) {
    if (!(written instanceof Map<?, ?> result)) {
      return outcome.failed(
          process + " exited with code " + outcome.exitCode() + " before " + function + " returned"
              + outcome.lastOutputHint());
    }
    double peak = Double.NaN;
    double cpu = Double.NaN;
    if (result.get("usage") instanceof Map<?, ?> usage) {
      peak = number(usage.get("peak_rss_mib"));
      cpu = number(usage.get("cpu_seconds"));
    }
    TrialResult parsed =
        result.containsKey("error")
            ? TrialResult.failed(function + " raised " + result.get("error"), outcome.wallSeconds())
            : ResultParser.parse(result.get("value"), outcome.wallSeconds());
    return parsed.withUsage(outcome.usage(peak, cpu)).withLog(outcome.log());
  }

  private static double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
