package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad config exits 2 with one line naming file, path and problem, and no stack trace; nothing is run. */
class ConfigErrorExitTest {
  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("search.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static String config(String parameter, String method, String type) {
    return """
        hyperparameters:
          type: object
          properties:
            lr: %s
        function: {type: %s, class: io.hypermax.cli.Objectives, method: bowl}
        search: {method: %s, iterations: 5}
        """.formatted(parameter, type, method);
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{type: number, min: 0, max: 1, scaling: logarithmic} | random   | java_function | hyperparameters.lr.min: logarithmic scaling needs min > 0",
        "{type: number, min: 3, max: 1}                       | random   | java_function | hyperparameters.lr.min: min (3) is greater than max (1)",
        "{type: numbr, min: 0, max: 1}                        | random   | java_function | hyperparameters.lr.type: unknown parameter type 'numbr'",
        "{type: string, enum: []}                             | random   | java_function | hyperparameters.lr.enum: the enum is empty",
        "{type: number, min: 0, max: 1, scalling: linear}     | random   | java_function | hyperparameters.lr.scalling: unknown key",
        "{type: number, min: 0, max: 1}                       | annealed | java_function | search.method: unknown search method 'annealed'",
        "{type: number, min: 0, max: 1}                       | random   | matlab        | function.type: unknown function type 'matlab'",
      })
  void exitsTwoWithOneClearLine(String parameter, String method, String type, String expected) throws Exception {
    Path file = write(config(parameter, method, type));
    for (String command : new String[] {"run", "validate"}) {
      Cli cli = command.equals("run") ? Cli.run("--no-ui", file.toString()) : Cli.run("validate", file.toString());
      assertEquals(2, cli.exitCode(), cli.toString());
      String err = cli.err().strip();
      assertFalse(err.contains("\n"), "one line: " + cli);
      assertTrue(err.startsWith("error: " + file + ": " + expected), cli.toString());
      assertFalse(err.contains("Exception"), "no stack trace: " + cli);
    }
    assertFalse(Files.exists(dir.resolve("results_0")));
  }

  /**
   * Every plugin section is checked by the core against the keys its plugins declare: results (never
   * checked before), function (kill limits are the process executors' keys now) and search.
   */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "results: {grahps: false}                                     | results.grahps: unknown key 'grahps' (did you mean 'graphs'?)",
        "results: {charts: some}                                      | results.charts: 'some' is not one of",
        "function: {type: java_function, class: io.hypermax.cli.Objectives, method: bowl, auto_kill_max_ram: 100, auto_kill_loss: 1} | function.auto_kill_max_ram: ",
        "function: {type: java_function, class: io.hypermax.cli.Objectives, method: bowl, auto_kill_max_tme: 5} | function.auto_kill_max_tme: unknown key 'auto_kill_max_tme' (did you mean 'auto_kill_max_time'?)",
      })
  void pluginSectionsAreCheckedAgainstTheKeysThePluginsDeclare(String section, String expected) throws Exception {
    String base = config("{type: number, min: 0, max: 1}", "random", "java_function");
    String text = section.startsWith("function:") ? base.replaceAll("(?m)^function: .*$", section) : base + section + "\n";
    Path file = write(text);
    Cli cli = Cli.run("validate", file.toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().strip().startsWith("error: " + file + ": " + expected), cli.toString());
  }

  @Test
  void unknownNamesListWhatIsAvailable() throws Exception {
    Cli method = Cli.run("validate", write(config("{type: number, min: 0, max: 1}", "annealed", "java_function")).toString());
    assertTrue(method.err().contains("random"), "lists the optimizers found: " + method);
    Cli type = Cli.run("validate", write(config("{type: number, min: 0, max: 1}", "random", "matlab")).toString());
    assertTrue(type.err().contains("java_function"), "lists the executors found: " + type);
  }

  @Test
  void syntaxErrorsAndMissingFilesAreConfigErrorsToo() throws Exception {
    Cli syntax = Cli.run("validate", write("hyperparameters: {type: object\nfunction: [\n").toString());
    assertEquals(2, syntax.exitCode(), syntax.toString());
    assertTrue(syntax.err().contains("YAML syntax error at line"), syntax.toString());
    Cli missing = Cli.run("--no-ui", dir.resolve("nope.yaml").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("nope.yaml: file not found"), missing.toString());
    Cli notResults = Cli.run("--no-ui", write(config("{type: number, min: 0, max: 1}", "random", "java_function")).toString(), dir.toString());
    assertEquals(2, notResults.exitCode());
    assertTrue(notResults.err().contains("not a results directory"), notResults.toString());
  }

  @Test
  void missingPluginPathsAndHugeNumbersAreConfigErrors() throws Exception {
    Path file = write(config("{type: number, min: 0, max: 1}", "random", "java_function") + "plugins: [nope.jar]\n");
    Cli plugins = Cli.run("validate", file.toString());
    assertEquals(2, plugins.exitCode(), plugins.toString());
    assertTrue(plugins.err().contains("plugins[0]: not found"), plugins.toString());
    Cli path = Cli.run("validate", "--plugin-path", dir.resolve("nope").toString(), write(config("{type: number, min: 0, max: 1}", "random", "java_function")).toString());
    assertEquals(2, path.exitCode(), path.toString());
    Cli huge = Cli.run("validate", write(config("{type: number, min: 0, max: 1}", "random", "java_function").replace("iterations: 5", "iterations: 3000000000")).toString());
    assertEquals(2, huge.exitCode(), huge.toString());
    assertTrue(huge.err().contains("search.iterations: is too large"), huge.toString());
  }

  @Test
  void badCommandLineOptionsExitTwo() throws Exception {
    Path file = write(config("{type: number, min: 0, max: 1}", "random", "java_function"));
    assertEquals(2, Cli.run("--iterations", "0", file.toString()).exitCode());
    assertEquals(2, Cli.run("--seed", "abc", file.toString()).exitCode());
    Cli bogus = Cli.run("--bogus", file.toString());
    assertEquals(2, bogus.exitCode());
    assertTrue(bogus.err().startsWith("error: Unknown option: '--bogus'"), bogus.toString());
    assertTrue(bogus.err().strip().lines().count() == 2 && !bogus.err().contains("Usage"), "one line and a pointer to --help: " + bogus);
  }
}
