package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtilityCommandsTest {
  @TempDir Path dir;

  @Test
  void initWritesATemplateThatValidatesAndRefusesToOverwrite() throws Exception {
    Path file = dir.resolve("search.yaml");
    Cli init = Cli.run("init", file.toString());
    assertEquals(0, init.exitCode(), init.toString());
    assertTrue(Files.readString(file).contains("hyperparameters:"));
    Cli again = Cli.run("init", file.toString());
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("already exists"), again.toString());
    Cli validate = Cli.run("validate", file.toString());
    assertEquals(0, validate.exitCode(), "the template is a valid config: " + validate);
    assertTrue(validate.out().contains("is valid"), validate.toString());
  }

  @Test
  void initWritesJsonForAJsonFileAndCreatesFolders() throws Exception {
    Path file = dir.resolve("new/sub/search.json");
    Cli init = Cli.run("init", file.toString());
    assertEquals(0, init.exitCode(), init.toString());
    assertTrue(Files.readString(file).strip().startsWith("{"), "JSON, not YAML");
    Cli validate = Cli.run("validate", file.toString());
    assertEquals(0, validate.exitCode(), validate.toString());
  }

  @Test
  void pluginsListsEveryBuiltInPluginWithItsKind() {
    Cli cli = Cli.run("plugins");
    assertEquals(0, cli.exitCode(), cli.toString());
    for (String id : new String[] {"random", "java_function", "results_csv", "best_json"}) {
      assertTrue(cli.out().lines().anyMatch(l -> l.matches(".*\\s" + id + "\\s.*")), id + " listed: " + cli);
    }
  }

  @Test
  void helpAndVersionWork() {
    Cli help = Cli.run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("validate") && help.out().contains("init") && help.out().contains("plugins"), help.toString());
    Cli version = Cli.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().contains("hypermax"), version.toString());
  }
}
