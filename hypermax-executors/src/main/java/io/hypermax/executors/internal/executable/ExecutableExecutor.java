package io.hypermax.executors.internal.executable;

import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessSpec;
import io.hypermax.executors.internal.process.ProcessTrialExecutor;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.TrialFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the configured command once per trial; see {@link ExecutableProvider}. */
final class ExecutableExecutor extends ProcessTrialExecutor {
  private final List<String> command;

  ExecutableExecutor(List<String> command, Path directory, Map<String, String> environment, KillLimits limits) {
    super(directory, environment, limits, ProcessTrialRunner.EARLY_FIRST_SAMPLE_MS);
    this.command = List.copyOf(command);
  }

  @Override
  protected ProcessSpec process(TrialRequest request, TrialFiles files, Map<String, String> env) {
    List<String> args = new ArrayList<>();
    for (String a : command) {
      args.add(Placeholders.substitute(a, request.parameters(), request.flatParameters()));
    }
    if (args.get(0).contains("/") && !Path.of(args.get(0)).isAbsolute()) {
      args.set(0, directory.resolve(args.get(0)).normalize().toString()); // relative to cwd, not to hypermax's own folder
    }
    return new ProcessSpec(args, directory, env, files.paramsJson());
  }

  @Override
  protected TrialResult result(ProcessOutcome outcome, TrialFiles files) {
    return ExecutableResults.interpret(outcome, limits.killLoss(), files::readResult);
  }
}
