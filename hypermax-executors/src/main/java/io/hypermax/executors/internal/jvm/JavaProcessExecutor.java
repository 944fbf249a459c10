package io.hypermax.executors.internal.jvm;

import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import io.hypermax.executors.internal.process.ProcessOutcome;
import io.hypermax.executors.internal.process.ProcessSpec;
import io.hypermax.executors.internal.process.ProcessTrialExecutor;
import io.hypermax.executors.internal.process.ProcessTrialRunner;
import io.hypermax.executors.internal.process.TrialFiles;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs each trial as {@code java [jvm_options] -cp … JavaProcessMain CLASS METHOD}. */
final class JavaProcessExecutor extends ProcessTrialExecutor {
  private final List<String> command;
  private final String function;

  JavaProcessExecutor(
      JavaMethodTarget target, List<String> jvmOptions, Path directory, Map<String, String> environment, KillLimits limits) {
    super(directory, environment, limits, ProcessTrialRunner.LATE_FIRST_SAMPLE_MS);
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
  protected ProcessSpec process(TrialRequest request, TrialFiles files, Map<String, String> env) {
    return new ProcessSpec(command, directory, env, null);
  }

  @Override
  protected TrialResult result(ProcessOutcome outcome, TrialFiles files) {
    return runnerResult(outcome, files, function, "the JVM");
  }
}
