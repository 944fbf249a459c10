package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.JsonValues;
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
      throw new UserException(file + " already exists (use --force to overwrite)", ErrorHandler.CONFIG_ERROR);
    }
    byte[] template;
    try (InputStream in = InitCommand.class.getResourceAsStream("template.yaml")) {
      template = in.readAllBytes();
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".json")) {
      // JSON has no comments: the same template without them (docs/config.md explains every key).
      var tree = ConfigLoader.parseTree("template.yaml", new String(template, java.nio.charset.StandardCharsets.UTF_8));
      template = (JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, template);
    System.out.println("wrote " + file + "; edit it, then run: hypermax " + file);
    return 0;
  }
}
