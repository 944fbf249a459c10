package io.hypermax.executors.internal.jvm;

import java.nio.file.Path;
import java.util.List;
import io.hypermax.core.stability.API;

/** The command java_process uses, for the overhead benchmark's baseline (same java, same class path). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JavaProcessExecutorAccess {
  private JavaProcessExecutorAccess() {}

  public static List<String> javaCommand(String mainClass) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        JavaProcessExecutor.classPath(JavaProcessMain.class, List.of()),
        mainClass);
  }
}
