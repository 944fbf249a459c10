package io.hypermax.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceParserTest {

  static SearchSpace parse(String yaml) {
    return SpaceParser.parse(ConfigLoader.parseTree("space.yaml", yaml));
  }

  @Test
  void parsesEveryParameterKind() {
    SearchSpace space =
        parse(
            """
            type: object
            properties:
              lr: {type: number, min: 0.001, max: 1, scaling: logarithmic}
              momentum: {type: number, min: 0, max: 1, mode: normal, mean: 0.9, stddev: 0.05}
              units: {type: number, min: 16, max: 256, rounding: 16}
              layers: {type: integer, min: 1, max: 5}
              activation: {type: string, enum: [relu, tanh]}
              batch_norm: {type: boolean}
              epochs: {constant: 10}
              optimizer:
                type: object
                properties:
                  beta: {type: number, min: 0.8, max: 0.999}
            """);
    assertEquals(
        List.of("lr", "momentum", "units", "layers", "activation", "batch_norm", "epochs", "optimizer.beta"),
        space.parameters().stream().map(Parameter::path).toList());

    NumberDistribution lr = (NumberDistribution) space.get("lr").distribution();
    assertTrue(lr.isLog());
    NumberDistribution momentum = (NumberDistribution) space.get("momentum").distribution();
    assertEquals(NumberDistribution.Mode.NORMAL, momentum.mode());
    assertEquals(0.9, momentum.mean());
    assertInstanceOf(CategoricalDistribution.class, space.get("activation").distribution());
    assertEquals(List.of(false, true), ((CategoricalDistribution) space.get("batch_norm").distribution()).values());
    assertEquals(10, ((ConstantDistribution) space.get("epochs").distribution()).value());
    assertEquals(List.of("optimizer", "beta"), space.get("optimizer.beta").nestedPath());
    assertFalse(space.optimizable().contains(space.get("epochs")));
  }

  @Test
  void integerRoundingYieldsJavaIntegersNotDoubles() {
    SearchSpace space =
        parse(
            """
            type: object
            properties:
              units: {type: number, min: 16, max: 256, rounding: 16}
              trees: {type: number, min: 1, max: 300, scaling: logarithmic, rounding: 1}
              layers: {type: integer, min: 1, max: 5}
              dropout: {type: number, min: 0, max: 0.5, rounding: 0.1}
            """);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 500; i++) {
      Map<String, Object> v = space.sample(rng).values();
      Object units = v.get("units");
      assertTrue(units instanceof Integer || units instanceof Long, "units is " + units.getClass());
      assertEquals(0, (((Number) units).longValue() - 16) % 16, "units on the rounding grid: " + units);
      assertTrue(v.get("trees") instanceof Integer || v.get("trees") instanceof Long);
      long layers = ((Number) v.get("layers")).longValue();
      assertTrue(layers >= 1 && layers <= 5);
      double dropout = ((Number) v.get("dropout")).doubleValue();
      assertInstanceOf(Double.class, v.get("dropout"));
      assertEquals(Math.round(dropout * 10) / 10.0, dropout, 1e-12, "dropout on the 0.1 grid");
      assertTrue(dropout >= 0 && dropout <= 0.5 + 1e-12);
    }
  }

  @Test
  void choiceBranchesAreConditionalAndNestAsTheOriginalDid() {
    SearchSpace space =
        parse(
            """
            type: object
            properties:
              model:
                anyOf:
                  - type: object
                    properties:
                      kind: {constant: tree}
                      depth: {type: integer, min: 1, max: 8}
                  - type: object
                    properties:
                      kind: {constant: linear}
                      alpha: {type: number, min: 0.0001, max: 1, scaling: logarithmic}
            """);
    Parameter choice = space.get("model");
    assertTrue(choice.isChoice());
    Parameter depth = space.get("model.0.depth");
    Parameter alpha = space.get("model.1.alpha");
    assertEquals(new Condition("model", 0), depth.condition());
    assertEquals(new Condition("model", 1), alpha.condition());

    SplittableRandom rng = new SplittableRandom(1);
    int[] branches = new int[2];
    for (int i = 0; i < 200; i++) {
      Assignment a = space.sample(rng);
      int branch = ((Number) a.get("model")).intValue();
      branches[branch]++;
      assertEquals(branch == 0, a.isActive("model.0.depth"));
      assertEquals(branch == 1, a.isActive("model.1.alpha"));
      space.validate(a);
      @SuppressWarnings("unchecked")
      Map<String, Object> model = (Map<String, Object>) space.nest(a).get("model");
      assertEquals(branch, model.get("$index"));
      assertEquals(branch == 0 ? "tree" : "linear", model.get("kind"));
      assertEquals(branch == 0, model.containsKey("depth"));
      assertEquals(branch == 1, model.containsKey("alpha"));
    }
    assertTrue(branches[0] > 60 && branches[1] > 60, "both branches are drawn: " + branches[0] + "/" + branches[1]);
  }

  @Test
  void nestedChoiceInsideABranchIsActiveOnlyWhenBothChoicesAgree() {
    SearchSpace space =
        parse(
            """
            type: object
            properties:
              outer:
                oneOf:
                  - type: object
                    properties:
                      inner:
                        oneOf:
                          - {type: object, properties: {a: {type: number, min: 0, max: 1}}}
                          - {type: object, properties: {b: {type: number, min: 0, max: 1}}}
                  - {type: object, properties: {c: {type: number, min: 0, max: 1}}}
            """);
    Parameter a = space.get("outer.0.inner.0.a");
    assertTrue(space.isActive(a, Map.of("outer", 0, "outer.0.inner", 0)));
    assertFalse(space.isActive(a, Map.of("outer", 0, "outer.0.inner", 1)));
    assertFalse(space.isActive(a, Map.of("outer", 1, "outer.0.inner", 0)));
    Assignment completed = space.complete(Map.of("outer", 1, "outer.0.inner.0.a", 0.5), new SplittableRandom(2));
    assertFalse(completed.isActive("outer.0.inner.0.a"), "inactive proposals are dropped");
    assertTrue(completed.isActive("outer.1.c"));
    assertNull(completed.get("outer.0.inner"));
  }

  @Test
  void completeSnapsOffGridProposalsOntoTheDistribution() {
    SearchSpace space = parse("type: object\nproperties:\n  n: {type: number, min: 0, max: 100, rounding: 5}\n");
    Assignment a = space.complete(Map.of("n", 12.7), new SplittableRandom(1));
    assertEquals(15, ((Number) a.get("n")).intValue());
    space.validate(a);
  }
}
