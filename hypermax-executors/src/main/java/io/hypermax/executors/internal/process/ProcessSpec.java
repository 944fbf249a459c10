package io.hypermax.executors.internal.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * How to start one trial process.
 *
 * @param command program and arguments (no shell)
 * @param directory working directory
 * @param environment variables added to (or replacing those of) hypermax's own environment
 * @param stdin bytes written to the process's standard input before it is closed, or null for none
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ProcessSpec(List<String> command, Path directory, Map<String, String> environment, byte[] stdin) {
  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
