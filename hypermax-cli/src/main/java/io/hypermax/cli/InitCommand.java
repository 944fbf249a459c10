package io.hypermax.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hypermax init [FILE]}: writes a commented template configuration. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented template configuration (default search.yaml).")
final class InitCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
  Path file = Path.of("search.yaml");

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(file) && !force) {
      throw new UserException(file + " already exists (use --force to overwrite)", 1);
    }
    try (InputStream in = InitCommand.class.getResourceAsStream("template.yaml")) {
      Files.write(file, in.readAllBytes());
    }
    System.out.println("wrote " + file + "; edit it, then run: hypermax " + file);
    return 0;
  }
}
