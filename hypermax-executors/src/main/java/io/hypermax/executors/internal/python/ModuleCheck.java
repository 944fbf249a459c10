package io.hypermax.executors.internal.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Checks when the config is loaded that the model's module exists, so a misspelt {@code module}
 * is one config error instead of a run of failed trials.
 */
final class ModuleCheck {
  private ModuleCheck() {}

  /** True when the module is a file or package beside the config, or importable by the interpreter. */
  static boolean findable(String python, String module, Path configDirectory) {
    Path base = configDirectory.resolve(module.replace('.', '/'));
    if (Files.isRegularFile(Path.of(base + ".py")) || Files.isRegularFile(base.resolve("__init__.py"))) {
      return true;
    }
    // An installed module (site-packages, PYTHONPATH): ask the interpreter, without importing it.
    String probe =
        "import importlib.util, sys; sys.path.insert(0, sys.argv[2]); "
            + "top = sys.argv[1].split('.')[0]; sys.exit(0 if importlib.util.find_spec(top) else 3)";
    try {
      Process p =
          new ProcessBuilder(python, "-c", probe, module, configDirectory.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return true; // cannot tell: let the trials report it
      }
      return p.exitValue() != 3;
    } catch (IOException e) {
      return true; // the interpreter itself is checked elsewhere; trials will say what is wrong
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
