package io.hypermax.core.config;

import io.hypermax.core.stability.API;

/**
 * A mistake in a user's configuration: names the file, the path inside it and what is wrong.
 * The CLI prints {@link #getMessage()} without a stack trace and exits with code 2.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class ConfigException extends RuntimeException {
  private final String file;
  private final String path;
  private final String problem;

  public ConfigException(String file, String path, String problem) {
    super(format(file, path, problem));
    this.file = file;
    this.path = path;
    this.problem = problem;
  }

  public ConfigException(String file, String path, String problem, Throwable cause) {
    super(format(file, path, problem), cause);
    this.file = file;
    this.path = path;
    this.problem = problem;
  }

  private static String format(String file, String path, String problem) {
    StringBuilder sb = new StringBuilder();
    if (file != null && !file.isEmpty()) {
      sb.append(file).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(problem).toString();
  }

  /** The configuration file, or null for configurations built in code. */
  public String file() {
    return file;
  }

  /** Dotted path inside the configuration, e.g. {@code hyperparameters.lr.max}. */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}
