package io.hypermax.executors.internal.python;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessSpec;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.RunnerResults;
import io.hypermax.executors.internal.process.TrialFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each trial as {@code python hypermax_runner.py MODULE NAME DIR}: the runner reads the
 * parameters from {@code HYPERMAX_PARAMS} and writes the return value (or the exception) to
 * {@code HYPERMAX_RESULT}.
 */
final class PythonFunctionExecutor implements Executor {
  private final String python;
  private final String module;
  private final String name;
  private final Path directory;
  private final Map<String, String> environment;
  private final ProcessTrialRunner runner;
  private final KillLimits limits;

  PythonFunctionExecutor(
      String python, String module, String name, Path directory, Map<String, String> environment, KillLimits limits) {
    this.python = python;
    this.module = module;
    this.name = name;
    this.directory = directory;
    this.environment = Map.copyOf(environment);
    this.limits = limits;
    this.runner = new ProcessTrialRunner(limits, ProcessTrialRunner.LATE_FIRST_SAMPLE_MS);
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    try (TrialFiles files = TrialFiles.create(request)) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(files.environment());
      env.put("PYTHONUNBUFFERED", "1"); // the model's prints reach the log as they happen, in order with stderr
      List<String> command = List.of(python, RunnerScript.path().toString(), module, name, directory.toString());
      ProcessOutcome outcome = runner.run(new ProcessSpec(command, directory, env, null), request);
      if (outcome.startError() != null) {
        return outcome.failed(outcome.startError());
      }
      if (outcome.killed()) {
        return outcome.killedResult(limits.killLoss());
      }
      return RunnerResults.interpret(outcome, files, module + "." + name, "python");
    }
  }
}
