package io.hypermax.executors.internal.executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderNamesTest {
  static final SearchSpace SPACE =
      SpaceParser.parse(ConfigLoader.parseTree("s.yaml", """
          type: object
          properties:
            learning_rate: {type: number, min: 0.001, max: 1}
            model:
              anyOf:
                - {type: object, properties: {depth: {type: integer, min: 1, max: 5}}}
          """));
  static final ConfigNode COMMAND = new ConfigNode("search.yaml", "function.command", ConfigLoader.parseTree("c.yaml", "{}"));

  @Test
  void aTypoInAPlaceholderIsAConfigErrorWithTheRightName() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> Placeholders.checkNames(List.of("train", "lr={lerning_rate}"), SPACE, COMMAND));
    assertEquals("function.command", e.path());
    assertTrue(e.problem().contains("{lerning_rate}") && e.problem().contains("{learning_rate}"), e.problem());
  }

  @Test
  void knownNamesNestedPathsAndOtherBracesPass() {
    assertDoesNotThrow(() -> Placeholders.checkNames(
        List.of("awk", "{print}", "{ print $1 }", "{learning_rate}", "{model.depth}", "{model.0.depth}", "{model}"), SPACE, COMMAND));
  }
}
