package io.hypermax.executors.internal.python;

import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessSpec;
import io.hypermax.executors.internal.process.ProcessTrialExecutor;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.TrialFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs each trial as {@code python hypermax_runner.py MODULE NAME DIR}: the runner reads the
 * parameters from {@code HYPERMAX_PARAMS} and writes the return value (or the exception) to
 * {@code HYPERMAX_RESULT}.
 */
final class PythonFunctionExecutor extends ProcessTrialExecutor {
  private final String python;
  private final String module;
  private final String name;

  PythonFunctionExecutor(
      String python, String module, String name, Path directory, Map<String, String> environment, KillLimits limits) {
    super(directory, environment, limits, ProcessTrialRunner.LATE_FIRST_SAMPLE_MS);
    this.python = python;
    this.module = module;
    this.name = name;
  }

  @Override
  protected ProcessSpec process(TrialRequest request, TrialFiles files, Map<String, String> env) {
    env.put("PYTHONUNBUFFERED", "1"); // the model's prints reach the log as they happen, in order with stderr
    List<String> command = List.of(python, RunnerScript.path().toString(), module, name, directory.toString());
    return new ProcessSpec(command, directory, env, null);
  }

  @Override
  protected TrialResult result(ProcessOutcome outcome, TrialFiles files) {
    return runnerResult(outcome, files, module + "." + name, "python");
  }
}
