package io.hypermax.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * An enum is validated in linear time: 200,000 values took over a minute (a duplicate check of
 * every value against every earlier one). Growth is measured as a ratio, not a wall-clock limit.
 */
class LargeEnumValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode space(int values, boolean duplicateAtEnd) {
    ArrayNode list = JSON.createArrayNode();
    for (int i = 0; i < values; i++) {
      if (i % 3 == 0) {
        list.add("v" + i);
      } else {
        list.add(i % 3 == 1 ? i : i + 0.5);
      }
    }
    if (duplicateAtEnd) {
      list.add(1.0); // equals the integer 1 by value
    }
    ObjectNode e = JSON.createObjectNode().put("type", "string");
    e.set("enum", list);
    ObjectNode root = JSON.createObjectNode().put("type", "object");
    root.set("properties", JSON.createObjectNode().set("e", e));
    return root;
  }

  static long bestNanos(ObjectNode space) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      SpaceParser.parse(space);
      best = Math.min(best, System.nanoTime() - t);
    }
    return best;
  }

  @Test
  void anEnumOf200000ValuesValidatesInLinearTime() {
    ObjectNode small = space(25_000, false);
    ObjectNode large = space(200_000, false);
    bestNanos(small); // warm up the JIT
    double ratio = (double) bestNanos(large) / bestNanos(small);
    // 8 times the values: linear gives about 8, quadratic 64; 32 leaves room for a noisy machine.
    assertTrue(ratio < 32, "8x the values took " + ratio + "x the time");
    assertEquals(200_000, ((CategoricalDistribution) SpaceParser.parse(large).get("e").distribution()).size());
  }

  @Test
  void aDuplicateInALargeEnumIsStillFoundByValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> SpaceParser.parse(space(200_000, true)));
    assertEquals("hyperparameters.e.enum", e.path());
    assertTrue(e.problem().contains("duplicate value 1.0"), e.problem());
  }
}
