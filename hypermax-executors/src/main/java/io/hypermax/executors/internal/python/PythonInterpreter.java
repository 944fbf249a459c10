package io.hypermax.executors.internal.python;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.executors.internal.process.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the interpreter named by {@code function.python}. Version-manager shims (pyenv, asdf:
 * scripts in a {@code shims} folder) are resolved once to the real interpreter they pick for the
 * config's folder, because a shim costs its own start-up — often a second — on every trial.
 */
final class PythonInterpreter {
  private PythonInterpreter() {}

  static String resolve(ConfigNode function, Path directory) {
    String python = function.string("python", "python3");
    Optional<Path> found = Programs.find(python, directory);
    if (found.isEmpty()) {
      throw function.get("python").error(
          "cannot find the Python interpreter '" + python + "'" + (function.has("python") ? "" : " (set function.python)"));
    }
    Path program = found.get();
    if (!program.toString().contains("/shims/")) {
      return python.contains("/") ? program.toString() : python;
    }
    return behindShim(program, directory).orElse(program.toString());
  }

  private static Optional<String> behindShim(Path shim, Path directory) {
    try {
      Process p =
          new ProcessBuilder(shim.toString(), "-c", "import sys; print(sys.executable)")
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 && Files.isExecutable(Path.of(out)) ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
