package io.hypermax.executors.internal.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Python runner shipped in this jar, extracted once per JVM to a temporary file. */
final class RunnerScript {
  static final String RESOURCE = "hypermax_runner.py";
  static final String MODULE = "hypermax.py";
  private static Path extracted;

  private RunnerScript() {}

  static synchronized Path path() {
    if (extracted != null && Files.exists(extracted)) {
      return extracted;
    }
    try (InputStream in = RunnerScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the Python runner " + RESOURCE + " is missing from the hypermax-executors jar");
      }
      // A folder of its own: Python puts the script's folder first on sys.path, and the runner replaces it.
      Path dir = Files.createTempDirectory("hypermax-python-");
      Path script = dir.resolve(RESOURCE);
      Files.copy(in, script);
      // deleteOnExit runs in reverse order of registration: the folder must be registered first.
      dir.toFile().deleteOnExit();
      script.toFile().deleteOnExit();
      // The module models import to report intermediate values (docs/pruning.md); the runner puts its folder on sys.path.
      try (InputStream module = RunnerScript.class.getResourceAsStream(MODULE)) {
        if (module == null) {
          throw new IllegalStateException("the Python module " + MODULE + " is missing from the hypermax-executors jar");
        }
        Files.copy(module, dir.resolve(MODULE));
        dir.resolve(MODULE).toFile().deleteOnExit();
      }
      extracted = script;
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the Python runner", e);
    }
  }
}
