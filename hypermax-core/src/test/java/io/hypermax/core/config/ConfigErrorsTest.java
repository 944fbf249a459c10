package io.hypermax.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;

/** Every config mistake names the file, the path inside it and what is wrong. */
class ConfigErrorsTest {
  @TempDir Path dir;

  private static final String FUNCTION = "function: {type: java_function, class: a.B}\n";

  private ConfigException loadError(String fileName, String text) throws IOException {
    Path file = dir.resolve(fileName);
    Files.writeString(file, text);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
  }

  private static String space(String parameter) {
    return "hyperparameters:\n  type: object\n  properties:\n    lr: " + parameter + "\n" + FUNCTION;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{type: float, min: 0, max: 1}                          | hyperparameters.lr.type | unknown parameter type 'float'",
        "{type: number, min: 2, max: 1}                         | hyperparameters.lr.min  | min (2) is greater than max (1)",
        "{type: number, min: 0, max: 1, scaling: logarithmic}   | hyperparameters.lr.min  | logarithmic scaling needs min > 0",
        "{type: string, enum: []}                               | hyperparameters.lr.enum | the enum is empty",
        "{type: number, min: 0, max: 1, scalling: logarithmic}  | hyperparameters.lr.scalling | unknown key",
        "{type: number, min: 0, max: 1, scaling: cubic}         | hyperparameters.lr.scaling | cubic",
        "{type: number, max: 1}                                 | hyperparameters.lr      | missing required key 'min'",
        "{type: integer, min: 0.5, max: 3}                      | hyperparameters.lr.min  | integer min",
        "{type: number, min: 0, max: 1, rounding: -1}           | hyperparameters.lr.rounding | rounding must be > 0",
        "{type: number, min: 0, max: 1, mode: normal, mean: 0.5, stddev: 0} | hyperparameters.lr.stddev | stddev must be > 0",
        "{type: string, enum: [a, a]}                           | hyperparameters.lr.enum | duplicate value \"a\"",
      })
  void badParameterNamesItsPath(String parameter, String path, String problem) throws IOException {
    ConfigException e = loadError("search.yaml", space(parameter));
    assertEquals(path, e.path());
    assertTrue(e.problem().contains(problem), "problem: " + e.problem());
    assertEquals(dir.resolve("search.yaml") + ": " + path + ": " + e.problem(), e.getMessage());
  }

  @Test
  void misspeltKeySuggestsTheRightOne() throws IOException {
    ConfigException e = loadError("search.yaml", space("{type: number, min: 0, max: 1, scalling: logarithmic}"));
    assertTrue(e.problem().contains("scaling"), "did-you-mean names 'scaling': " + e.problem());
  }

  @Test
  void yamlSyntaxErrorGivesLineAndColumn() throws IOException {
    ConfigException e = loadError("broken.yaml", "hyperparameters:\n  type: object\n  properties: [a, b\nfunction: x\n");
    assertTrue(e.getMessage().startsWith(dir.resolve("broken.yaml").toString()), e.getMessage());
    assertTrue(e.problem().startsWith("YAML syntax error at line 4, column 9: "), e.problem());
    assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("reader"), "one clean line: " + e.getMessage());
  }

  @Test
  void jsonSyntaxErrorGivesLineAndColumn() throws IOException {
    ConfigException e = loadError("broken.json", "{\n  \"hyperparameters\": {\n    \"type\": \"object\",,\n  }\n}\n");
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(!e.getMessage().contains("Exception"), "no Java exception names: " + e.getMessage());
  }

  @Test
  void unknownTopLevelKeyIsAnError() throws IOException {
    ConfigException e =
        loadError("search.yaml", space("{type: number, min: 0, max: 1}") + "serach: {iterations: 10}\n");
    assertTrue(e.problem().contains("serach"), e.problem());
    assertTrue(e.problem().contains("search"), "suggests the right key: " + e.problem());
  }

  @Test
  void missingFunctionSectionIsAnError() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "hyperparameters: {type: object, properties: {x: {type: number, min: 0, max: 1}}}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(e.getMessage().contains("function"), e.getMessage());
  }

  @Test
  void badIterationsAndDirectionAreErrors() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, space("{type: number, min: 0, max: 1}") + "search: {iterations: 0, direction: up}\n");
    ConfigException iterations = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertEquals("search.iterations", iterations.path());
    Files.writeString(file, space("{type: number, min: 0, max: 1}") + "search: {direction: up}\n");
    ConfigException direction = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertEquals("search.direction", direction.path());
  }

  @Test
  void readsJsonAndYamlAlike() throws IOException {
    Path yaml = dir.resolve("a.yaml");
    Files.writeString(yaml, space("{type: number, min: 0, max: 1}") + "search: {iterations: 7, seed: 3}\n");
    Path json = dir.resolve("a.json");
    Files.writeString(
        json,
        """
        {"hyperparameters": {"type": "object", "properties": {"lr": {"type": "number", "min": 0, "max": 1}}},
         "function": {"type": "java_function", "class": "a.B"}, "search": {"iterations": 7, "seed": 3}}
        """);
    HypermaxConfig a = ConfigLoader.load(yaml);
    HypermaxConfig b = ConfigLoader.load(json);
    assertEquals(a.raw(), b.raw());
    assertEquals(7, b.iterations());
    assertEquals(3L, b.seed().orElseThrow());
    assertEquals("tpe", b.method(), "TPE is the default method");
    assertEquals(1, b.parallel());
  }
}
