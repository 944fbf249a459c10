package io.hypermax.executors.internal.process;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.stability.API;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The one trial template of the process executors (executable, python_function, java_process): per trial
 * it creates the trial's files, merges the configured environment with theirs, runs the process the
 * subclass describes under the kill limits, and lets the subclass read the outcome.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public abstract class ProcessTrialExecutor implements Executor {
  protected final Path directory;
  protected final KillLimits limits;
  private final Map<String, String> environment;
  private final ProcessTrialRunner runner;

  /** @param firstSampleMillis {@link ProcessTrialRunner#EARLY_FIRST_SAMPLE_MS} or {@link ProcessTrialRunner#LATE_FIRST_SAMPLE_MS} */
  protected ProcessTrialExecutor(Path directory, Map<String, String> environment, KillLimits limits, long firstSampleMillis) {
    this.directory = directory;
    this.environment = Map.copyOf(environment);
    this.limits = limits;
    this.runner = new ProcessTrialRunner(limits, firstSampleMillis);
  }

  @Override
  public final TrialResult run(TrialRequest request) throws InterruptedException {
    try (TrialFiles files = TrialFiles.create(request)) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(files.environment());
      ProcessOutcome outcome = runner.run(process(request, files, env), request);
      return result(outcome, files);
    }
  }

  /** The process of one trial; {@code env} (configured plus the trial files' variables) may still be added to. */
  protected abstract ProcessSpec process(TrialRequest request, TrialFiles files, Map<String, String> env);

  /** The trial's result from the ended (or killed, or never started) process. */
  protected abstract TrialResult result(ProcessOutcome outcome, TrialFiles files);

  /**
   * The result of a hypermax runner process (python runner, java_process main): a start error or a kill
   * first, else what the runner wrote to {@code HYPERMAX_RESULT}.
   */
  protected final TrialResult runnerResult(ProcessOutcome outcome, TrialFiles files, String function, String process) {
    if (outcome.startError() != null) {
      return outcome.failed(outcome.startError());
    }
    if (outcome.killed()) {
      return outcome.killedResult(limits.killLoss());
    }
    return RunnerResults.interpret(outcome, files, function, process);
  }
}
