package io.hypermax.executors.internal.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one trial process.
 *
 * @param command program and arguments (no shell)
 * @param directory working directory
 * @param environment variables added to (or replacing those of) hypermax's own environment
 * @param stdin bytes written to the process's standard input before it is closed, or null for none
 */
public record ProcessSpec(List<String> command, Path directory, Map<String, String> environment, byte[] stdin) {
  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
