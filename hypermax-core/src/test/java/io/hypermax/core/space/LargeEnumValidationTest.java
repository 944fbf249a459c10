package io.hypermax.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** CPU time of this thread: the collector's threads and other processes do not count. */
  static long cpuNanos(Runnable work) {
    System.gc();
    long t = THREADS.getCurrentThreadCpuTime();
    work.run();
    return THREADS.getCurrentThreadCpuTime() - t;
  }

  /** The least linear work on the same values: into a list and a hash set. Same caches, same allocation. */
  static void baseline(ObjectNode space) {
    java.util.List<Object> list = new java.util.ArrayList<>();
    java.util.Set<Object> set = new java.util.HashSet<>();
    for (com.fasterxml.jackson.databind.JsonNode v : space.get("properties").get("e").get("enum")) {
      Object value = io.hypermax.core.config.JsonValues.toJava(v);
      set.add(CategoricalDistribution.identity(value));
      list.add(value);
    }
  }

  @Test
  void anEnumOf200000ValuesValidatesInLinearTime() {
    ObjectNode small = space(25_000, false);
    ObjectNode large = space(200_000, false);
    assertTimeoutPreemptively(java.time.Duration.ofSeconds(120), () -> SpaceParser.parse(large)); // the quadratic check took minutes
    long parseSmall = Long.MAX_VALUE;
    long parseLarge = Long.MAX_VALUE;
    long baseSmall = Long.MAX_VALUE;
    long baseLarge = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      parseSmall = Math.min(parseSmall, cpuNanos(() -> SpaceParser.parse(small)));
      baseSmall = Math.min(baseSmall, cpuNanos(() -> baseline(small)));
      parseLarge = Math.min(parseLarge, cpuNanos(() -> SpaceParser.parse(large)));
      baseLarge = Math.min(baseLarge, cpuNanos(() -> baseline(large)));
    }
    // Growth from 25,000 to 200,000 values, relative to the growth of a linear baseline measured in
    // the same run (caches and allocation make even linear work grow faster than 8x at this size):
    // about 1 when linear, about 8 when quadratic.
    double growth = ((double) parseLarge / parseSmall) / ((double) baseLarge / baseSmall);
    assertTrue(growth < 3, "validation grew " + growth + "x faster than a linear baseline (parse "
        + parseSmall / 1e6 + " -> " + parseLarge / 1e6 + " ms, baseline " + baseSmall / 1e6 + " -> " + baseLarge / 1e6 + " ms)");
    assertEquals(200_000, ((CategoricalDistribution) SpaceParser.parse(large).get("e").distribution()).size());
  }

  @Test
  void aDuplicateInALargeEnumIsStillFoundByValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> SpaceParser.parse(space(200_000, true)));
    assertEquals("hyperparameters.e.enum", e.path());
    assertTrue(e.problem().contains("duplicate value 1.0"), e.problem());
  }
}
