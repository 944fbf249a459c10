package io.hypermax.core.dbr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HyperParametersTest {
  enum Optimizer {
    ADAM,
    SGD
  }

  private final ParameterRegistry registry = new ParameterRegistry();

  private HyperParameters hp(Map<String, Object> proposal, long seed) {
    return new HyperParameters(registry, proposal, new SplittableRandom(seed));
  }

  @Test
  void firstCallRegistersAndProposalValuesAreUsed() {
    HyperParameters hp = hp(Map.of("batch", 64, "act", "relu", "lr", 0.01, "units", 48), 1);
    assertEquals(64, (int) hp.param("batch", List.of(32, 64, 128), true));
    assertEquals("relu", hp.suggestCategorical("act", List.of("tanh", "relu")));
    assertEquals(0.01, hp.suggestFloat("lr", 1e-4, 1e-1, true));
    assertEquals(48, hp.suggestInt("units", 16, 64, 16));
    assertEquals(List.of("batch", "act", "lr", "units"), List.copyOf(registry.space().parameters().stream().map(p -> p.path()).toList()));
    assertTrue(registry.space().get("batch").distribution().describe().startsWith("ordered"));
  }

  @Test
  void missingValuesComeFromThePriorReproducibly() {
    List<Object> first = new ArrayList<>();
    List<Object> second = new ArrayList<>();
    for (List<Object> out : List.of(first, second)) {
      HyperParameters hp = hp(Map.of(), 42);
      out.add(hp.param("a", List.of(1, 2, 3, 4, 5, 6, 7, 8)));
      out.add(hp.suggestFloat("x", 0, 1));
      out.add(hp.suggestInt("n", 1, 1000));
    }
    assertEquals(first, second);
    double x = (Double) first.get(1);
    assertTrue(x >= 0 && x <= 1);
  }

  @Test
  void redefinitionIsAClearError() {
    hp(Map.of(), 1).param("act", List.of("tanh", "relu"));
    ParameterRedefinedException e =
        assertThrows(ParameterRedefinedException.class, () -> hp(Map.of(), 2).param("act", List.of("tanh", "elu")));
    assertTrue(e.getMessage().contains("'act'") && e.getMessage().contains("tanh, relu"), e.getMessage());
    assertThrows(ParameterRedefinedException.class, () -> hp(Map.of(), 2).param("act", List.of("tanh", "relu"), true));
    hp(Map.of(), 3).suggestFloat("lr", 0.001, 0.1, true);
    assertThrows(ParameterRedefinedException.class, () -> hp(Map.of(), 4).suggestFloat("lr", 0.001, 0.1));
    assertThrows(ParameterRedefinedException.class, () -> hp(Map.of(), 4).suggestInt("lr", 1, 10));
    // The same definition again is fine, also with equal numbers of another type.
    hp(Map.of(), 5).param("act", List.of("tanh", "relu"));
    hp(Map.of(), 5).param("size", List.of(1, 2));
    hp(Map.of(), 5).param("size", List.of(1L, 2L));
  }

  @Test
  void onlyParametersAskedForAreActive() {
    for (boolean dropout : List.of(true, false)) {
      HyperParameters hp = hp(Map.of("dropout", dropout, "dropout_val", 0.3), 7);
      if (hp.param("dropout", List.of(true, false))) {
        hp.param("dropout_val", List.of(0.1, 0.2, 0.3), true);
      }
      assertEquals(dropout, hp.isActive("dropout_val"));
      assertEquals(dropout ? Map.of("dropout", true, "dropout_val", 0.3) : Map.of("dropout", false), hp.values());
    }
  }

  @Test
  void returnsTheCallersOwnElementsIncludingEnums() {
    List<Optimizer> choices = List.of(Optimizer.ADAM, Optimizer.SGD);
    HyperParameters hp = hp(Map.of("opt", "SGD", "width", 64.0), 1);
    assertSame(Optimizer.SGD, hp.param("opt", choices));
    assertEquals("SGD", hp.get("opt"));
    Object width = hp.param("width", List.of(32, 64));
    assertEquals(Integer.valueOf(64), width, "64.0 read back from a journal still returns the Integer 64");
  }

  @Test
  void badDefinitionsAreRejectedWithTheParameterName() {
    HyperParameters hp = hp(Map.of(), 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> hp.param("e", List.of())).getMessage().startsWith("e:"));
    assertThrows(IllegalArgumentException.class, () -> hp.param("d", List.of(1, 2, 1)));
    assertThrows(IllegalArgumentException.class, () -> hp.param("o", List.of(new Object())));
    assertThrows(IllegalArgumentException.class, () -> hp.suggestFloat("f", 1, 0));
    assertThrows(IllegalArgumentException.class, () -> hp.suggestFloat("g", 0, 1, true));
    assertThrows(IllegalArgumentException.class, () -> hp.suggestInt("i", 0, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> hp.param("", List.of(1)));
    assertFalse(registry.space().contains("e"));
  }

  @Test
  void aPlannedTrialMustAskForTheSameParameters() {
    HyperParameters fixed = new HyperParameters(registry, Map.of("a", 1), null);
    assertEquals(1, (int) fixed.param("a", List.of(1, 2)));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> fixed.param("b", List.of(1, 2)));
    assertTrue(e.getMessage().contains("'b'"), e.getMessage());
  }
}
