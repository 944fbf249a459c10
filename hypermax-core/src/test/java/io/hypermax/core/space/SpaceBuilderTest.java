package io.hypermax.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hypermax.core.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceBuilderTest {
  /** Every kind of node the config format has, written in YAML as docs/config.md shows it. */
  private static final String YAML =
      """
      type: object
      properties:
        learning_rate: {type: number, min: 0.0001, max: 0.1, scaling: logarithmic}
        dropout: {type: number, min: 0, max: 0.5, rounding: 0.05}
        momentum: {type: number, mode: normal, mean: 0.9, stddev: 0.05, min: 0, max: 1}
        weight_decay: {type: number, mode: normal, mean: 0.001, stddev: 1, scaling: logarithmic}
        layers: {type: integer, min: 1, max: 8}
        width: {type: integer, min: 16, max: 1024, scaling: logarithmic}
        batch: {type: integer, min: 16, max: 256, rounding: 16}
        activation: {type: string, enum: [relu, tanh, gelu]}
        size: {type: string, enum: [small, medium, large], ordered: true}
        batch_norm: {type: boolean}
        epochs: {constant: 10}
        optimizer:
          type: object
          properties:
            beta1: {type: number, min: 0.8, max: 0.99}
        model:
          oneOf:
            - type: object
              properties:
                kind: {constant: svm}
                c: {type: number, min: 0.01, max: 100, scaling: logarithmic}
            - type: object
              properties:
                kind: {constant: tree}
                depth: {type: integer, min: 1, max: 12}
      """;

  static SearchSpace built() {
    return SearchSpace.builder()
        .number("learning_rate", 1e-4, 1e-1, n -> n.log())
        .number("dropout", 0, 0.5, n -> n.rounding(0.05))
        .normal("momentum", 0.9, 0.05, n -> n.min(0).max(1))
        .normal("weight_decay", 0.001, 1, n -> n.log())
        .integer("layers", 1, 8)
        .integer("width", 16, 1024, n -> n.log())
        .integer("batch", 16, 256, n -> n.rounding(16))
        .choice("activation", "relu", "tanh", "gelu")
        .choice("size", List.of("small", "medium", "large"), true)
        .bool("batch_norm")
        .constant("epochs", 10)
        .object("optimizer", o -> o.number("beta1", 0.8, 0.99))
        .oneOf("model", branches -> branches
            .branch(svm -> svm.constant("kind", "svm").number("c", 0.01, 100, n -> n.log()))
            .branch(tree -> tree.constant("kind", "tree").integer("depth", 1, 12)))
        .build();
  }

  @Test
  void theBuilderAndTheParsedConfigGiveEqualSpaces() throws Exception {
    JsonNode json = new YAMLMapper().readTree(YAML);
    SearchSpace parsed = SpaceParser.parse(json);
    SearchSpace built = built();
    assertEquals(parsed.parameters(), built.parameters());
    assertEquals(parsed.toString(), built.toString());
    // Equal spaces draw equal trials from the same seed, nested views included.
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(7);
    for (int i = 0; i < 50; i++) {
      Assignment x = parsed.sample(a);
      Assignment y = built.sample(b);
      assertEquals(x, y);
      assertEquals(parsed.nest(x), built.nest(y));
    }
  }

  @Test
  void theBuildersDistributionsAreTheOnesTheConfigDescribes() {
    SearchSpace space = built();
    NumberDistribution lr = (NumberDistribution) space.get("learning_rate").distribution();
    assertTrue(lr.isLog());
    NumberDistribution batch = (NumberDistribution) space.get("batch").distribution();
    assertEquals(16.0, batch.step());
    assertTrue(batch.integer());
    assertEquals(NumberDistribution.Mode.NORMAL, ((NumberDistribution) space.get("momentum").distribution()).mode());
    assertEquals(new ConstantDistribution(10), space.get("epochs").distribution());
    assertEquals(CategoricalDistribution.booleans(), space.get("batch_norm").distribution());
    assertEquals(new ChoiceDistribution(2), space.get("model").distribution());
    assertEquals(new Condition("model", 1), space.get("model.1.depth").condition());
    assertEquals(List.of("model", "depth"), space.get("model.1.depth").nestedPath());
    Map<String, Object> nested = space.nest(space.sample(new SplittableRandom(1)));
    assertTrue(((Map<?, ?>) nested.get("model")).containsKey("$index"), nested.toString());
  }

  @Test
  void mistakesAreConfigErrorsNamingTheParameter() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SearchSpace.builder().number("lr", 0, 1, n -> n.log()).build());
    assertEquals("hyperparameters.lr.min: logarithmic scaling needs min > 0, found 0", e.getMessage());
    ConfigException rounding =
        assertThrows(ConfigException.class, () -> SearchSpace.builder().number("x", 0, 1, n -> n.rounding(2)).build());
    assertTrue(rounding.getMessage().startsWith("hyperparameters.x.rounding:"), rounding.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().bool("a").bool("a"));
  }
}
