package io.hypermax.executors.internal.jvm;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessSpec;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.RunnerResults;
import io.hypermax.executors.internal.process.TrialFiles;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs each trial as {@code java [jvm_options] -cp … JavaProcessMain CLASS METHOD}. */
final class JavaProcessExecutor implements Executor {
  private final List<String> command;
  private final String function;
  private final Path directory;
  private final Map<String, String> environment;
  private final KillLimits limits;
  private final ProcessTrialRunner runner;

  JavaProcessExecutor(
      JavaMethodTarget target, List<String> jvmOptions, Path directory, Map<String, String> environment, KillLimits limits) {
    String className = target.method().getDeclaringClass().getName();
    String methodName = target.method().getName();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classPath(target.method().getDeclaringClass(), target.classpath()));
    cmd.add(JavaProcessMain.class.getName());
    cmd.add(className);
    cmd.add(methodName);
    this.command = List.copyOf(cmd);
    this.function = className + "." + methodName;
    this.directory = directory;
    this.environment = Map.copyOf(environment);
    this.limits = limits;
    this.runner = new ProcessTrialRunner(limits, ProcessTrialRunner.LATE_FIRST_SAMPLE_MS);
  }

  /**
   * hypermax's own class path, plus the jars that hold the main class and the model's class (either
   * may have come from a plugin folder rather than the class path), plus the function's
   * {@code classpath}.
   */
  static String classPath(Class<?> model, List<Path> userEntries) {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    codeSource(JavaProcessMain.class).ifPresent(entries::add);
    codeSource(model).ifPresent(entries::add);
    userEntries.forEach(p -> entries.add(p.toAbsolutePath().toString()));
    return String.join(File.pathSeparator, entries);
  }

  private static Optional<String> codeSource(Class<?> c) {
    try {
      var source = c.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).toString());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    try (TrialFiles files = TrialFiles.create(request)) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(files.environment());
      ProcessOutcome outcome = runner.run(new ProcessSpec(command, directory, env, null), request);
      if (outcome.startError() != null) {
        return outcome.failed(outcome.startError());
      }
      if (outcome.killed()) {
        return outcome.killedResult(limits.killLoss());
      }
      return RunnerResults.interpret(outcome, files, function, "the JVM");
    }
  }
}
