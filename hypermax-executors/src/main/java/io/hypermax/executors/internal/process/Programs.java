package io.hypermax.executors.internal.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import io.hypermax.core.stability.API;

/** Finds programs the way a shell would, so a missing interpreter is a config error, not N failed trials. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Programs {
  private Programs() {}

  /**
   * The program {@code name}: a path when it contains a separator (relative ones against
   * {@code directory}), else the first executable of that name on {@code PATH}.
   */
  public static Optional<Path> find(String name, Path directory) {
    if (name.contains("/") || name.contains(File.separator)) {
      Path p = directory.resolve(name).normalize();
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String suffix : new String[] {"", ".exe", ".cmd", ".bat"}) {
        Path p = Path.of(dir, name + suffix);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
