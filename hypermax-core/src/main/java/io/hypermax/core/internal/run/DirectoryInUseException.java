package io.hypermax.core.internal.run;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.stability.API;
import java.nio.file.Path;

/**
 * A results directory whose lock another running search holds (in this process or another): the one
 * {@link DirectoryLock} failure that means "the search is running", so callers can tell it from a
 * directory that cannot be locked at all by its type instead of by its message.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DirectoryInUseException extends ConfigException {
  private final Path directory;

  DirectoryInUseException(Path directory, Throwable cause) {
    super(directory.toString(), "",
        "in use by another running hypermax search (it holds " + DirectoryLock.FILE_NAME + "); wait for it or pick another directory", cause);
    this.directory = directory;
  }

  /** The directory whose lock is held. */
  public Path directory() {
    return directory;
  }
}
