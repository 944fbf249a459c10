package io.hypermax.core.internal.run;

import java.nio.file.Files;
import java.nio.file.Path;
import io.hypermax.core.stability.API;

/** Picks {@code <base>_<N>} for the first N ≥ 0 that does not exist yet, as the original Hypermax does. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsDirectories {
  private ResultsDirectories() {}

  /** The first free name; {@link SearchRun} claims it with an atomic mkdir. */
  public static Path next(Path workingDirectory, String base) {
    for (int n = 0; ; n++) {
      Path candidate = workingDirectory.resolve(base + "_" + n);
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
  }
}
