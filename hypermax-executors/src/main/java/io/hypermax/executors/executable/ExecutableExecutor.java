package io.hypermax.executors.executable;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.process.KillLimits;
import io.hypermax.executors.process.ProcessOutcome;
import io.hypermax.executors.process.ProcessSpec;
import io.hypermax.executors.process.ProcessTrialRunner;
import io.hypermax.executors.process.TrialFiles;
import java.io.IOException;
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
      if (outcome.startError() != null) {
        return outcome.failed(outcome.startError());
      }
      if (outcome.killed()) {
        return outcome.killedResult(limits.killLoss());
      }
      if (outcome.exitCode() != 0) {
        return outcome.failed("the command exited with code " + outcome.exitCode() + outcome.lastOutputHint());
      }
      return result(outcome, files);
    }
  }

  private static TrialResult result(ProcessOutcome outcome, TrialFiles files) {
    Object written;
    try {
      written = files.readResult();
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
