package io.hypermax.executors.internal.executable;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessSpec;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.TrialFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the configured command once per trial; see {@link ExecutableProvider}. */
final class ExecutableExecutor implements Executor {
  private final List<String> command;
  private final Path directory;
  private final Map<String, String> environment;
  private final KillLimits limits;
  private final ProcessTrialRunner runner;

  ExecutableExecutor(List<String> command, Path directory, Map<String, String> environment, KillLimits limits) {
    this.command = List.copyOf(command);
    this.directory = directory;
    this.environment = Map.copyOf(environment);
    this.limits = limits;
    this.runner = new ProcessTrialRunner(limits, ProcessTrialRunner.EARLY_FIRST_SAMPLE_MS);
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    try (TrialFiles files = TrialFiles.create(request)) {
      List<String> args = new ArrayList<>();
      for (String a : command) {
        args.add(Placeholders.substitute(a, request.parameters(), request.flatParameters()));
      }
      if (args.get(0).contains("/") && !Path.of(args.get(0)).isAbsolute()) {
        args.set(0, directory.resolve(args.get(0)).normalize().toString()); // relative to cwd, not to hypermax's own folder
      }
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(files.environment());
      ProcessOutcome outcome = runner.run(new ProcessSpec(args, directory, env, files.paramsJson()), request);
      return ExecutableResults.interpret(outcome, limits.killLoss(), files::readResult);
    }
  }
}
