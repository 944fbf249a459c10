package io.hypermax.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.hypermax.core.internal.config.HypermaxConfig;

/**
 * Property-based test of validation over generated configurations (JUnit 5 parameterised tests
 * over seeded cases; no extra dependency). Each case is a random valid configuration (numbers with
 * log, normal and rounding, integers, enums, booleans, constants, nested choices; search and
 * function sections), either left valid or broken by exactly one random mutation whose config
 * path is known. The properties:
 *
 * <ul>
 *   <li>a valid configuration is accepted, and samples of its space are legal values;
 *   <li>a broken one is refused with a {@link ConfigException} whose message is one line and whose
 *       path is the mutated key (or its parameter);
 *   <li>validation time grows linearly with the size of the configuration (measured as a ratio).
 * </ul>
 *
 * A failing case prints its seed and the configuration, so it can be replayed.
 */
class ConfigValidationPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int CASES = 600;

  /** A generated configuration and, when mutated, the path the error must name. */
  record Case(long seed, ObjectNode config, String expectedPath, String mutation) {
    @Override
    public String toString() {
      return "seed " + seed + (mutation == null ? " valid" : " " + mutation + " at " + expectedPath);
    }
  }

  /** One parameter node being generated: where it sits in the config, for the error's path. */
  private record Slot(ObjectNode node, String path) {}

  static Stream<Arguments> cases() {
    return IntStream.range(0, CASES).mapToObj(i -> Arguments.of(generate(1_000L + i, 1 + i % 7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validationAcceptsOrRefusesWithOneLineNamingTheKey(Case c) {
    ConfigException error = null;
    HypermaxConfig config = null;
    try {
      config = HypermaxConfig.from("gen.yaml", Path.of("."), c.config());
      SearchSpace space = SpaceParser.parse(new ConfigNode("gen.yaml", "hyperparameters", c.config().get("hyperparameters")));
      if (c.mutation() == null) {
        SplittableRandom rng = new SplittableRandom(c.seed());
        for (int i = 0; i < 20; i++) {
          Assignment a = space.sample(rng);
          for (Parameter p : space.parameters()) {
            Object v = a.get(p.path());
            if (v != null) {
              assertTrue(p.distribution().contains(v), c + ": sample " + v + " of " + p.path() + " is not legal: " + p.distribution().describe());
            }
          }
        }
      }
    } catch (ConfigException e) {
      error = e;
    } catch (RuntimeException e) {
      fail(c + ": validation threw " + e + " instead of a ConfigException; config " + c.config(), e);
    }
    if (c.mutation() == null) {
      assertTrue(error == null, c + ": a valid configuration was refused: " + (error == null ? "" : error.getMessage()) + "; config " + c.config());
      assertTrue(config != null);
      return;
    }
    assertTrue(error != null, c + ": a broken configuration was accepted; config " + c.config());
    assertTrue(!error.getMessage().contains("\n"), c + ": not one line: " + error.getMessage());
    assertTrue(error.getMessage().startsWith("gen.yaml: "), c + ": names the file: " + error.getMessage());
    assertTrue(
        error.path().equals(c.expectedPath()) || c.expectedPath().startsWith(error.path() + ".") && !error.path().isEmpty()
            && error.path().contains(".") || error.path().startsWith(c.expectedPath() + "."),
        c + ": the error names " + error.path() + ", expected " + c.expectedPath() + ": " + error.getMessage());
  }

  @Test
  void validationTimeGrowsLinearlyWithTheSizeOfTheSpace() {
    ObjectNode small = wideConfig(2_000);
    ObjectNode large = wideConfig(16_000);
    best(small);
    double ratio = (double) best(large) / best(small);
    // 8 times the parameters: linear gives about 8, quadratic 64; 32 leaves room for a noisy machine.
    assertTrue(ratio < 32, "8x the parameters took " + ratio + "x the time");
  }

  private static long best(ObjectNode config) {
    long best = Long.MAX_VALUE;
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 5; i++) {
      System.gc();
      // This thread's CPU time: the collector's threads and other processes on the machine do not count.
      long t = threads.getCurrentThreadCpuTime();
      HypermaxConfig.from("gen.yaml", Path.of("."), config);
      SpaceParser.parse(new ConfigNode("gen.yaml", "hyperparameters", config.get("hyperparameters")));
      best = Math.min(best, threads.getCurrentThreadCpuTime() - t);
    }
    return best;
  }

  private static ObjectNode wideConfig(int parameters) {
    SplittableRandom rng = new SplittableRandom(parameters);
    ObjectNode props = JSON.createObjectNode();
    for (int i = 0; i < parameters; i++) {
      props.set("p" + i, parameter(rng, 1, new ArrayList<>(), "hyperparameters.p" + i));
    }
    return wrap(props, rng);
  }

  // ---- generation ----

  static Case generate(long seed, int parameters) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Slot> slots = new ArrayList<>();
    ObjectNode props = JSON.createObjectNode();
    for (int i = 0; i < parameters; i++) {
      String name = "p" + i;
      props.set(name, parameter(rng, 2, slots, "hyperparameters." + name));
    }
    ObjectNode config = wrap(props, rng);
    if (rng.nextInt(4) == 0) {
      return new Case(seed, config, null, null);
    }
    // One mutation, on a parameter or on another section.
    if (rng.nextInt(5) == 0) {
      return sectionMutation(seed, config, rng);
    }
    Slot slot = slots.get(rng.nextInt(slots.size()));
    return parameterMutation(seed, config, slot, rng);
  }

  private static ObjectNode wrap(ObjectNode props, SplittableRandom rng) {
    ObjectNode config = JSON.createObjectNode();
    ObjectNode space = config.putObject("hyperparameters");
    if (rng.nextBoolean()) {
      space.put("type", "object");
    }
    space.set("properties", props);
    ObjectNode search = config.putObject("search");
    if (rng.nextBoolean()) {
      search.put("iterations", 1 + rng.nextInt(500));
    }
    if (rng.nextBoolean()) {
      search.put("direction", rng.nextBoolean() ? "minimize" : "maximize");
    }
    ObjectNode function = config.putObject("function");
    function.put("type", "java_function").put("class", "a.B");
    if (rng.nextBoolean()) {
      function.put("parallel", 1 + rng.nextInt(8));
    }
    return config;
  }

  /** A random valid parameter; every number or enum node is recorded as a slot a mutation can break. */
  private static JsonNode parameter(SplittableRandom rng, int depth, List<Slot> slots, String path) {
    int kind = rng.nextInt(depth > 0 ? 8 : 7);
    ObjectNode p = JSON.createObjectNode();
    switch (kind) {
      case 0, 1 -> {
        p.put("type", "number");
        double min = randomBound(rng);
        // A width relative to the bound's size: 1e299 + 1 would equal 1e299.
        double max = min + Math.max(Math.abs(min), 1) * (0.01 + rng.nextDouble());
        if (rng.nextInt(3) == 0) {
          min = Math.abs(min) + 1e-9;
          max = min * (1 + rng.nextInt(1000));
          p.put("scaling", "logarithmic");
        }
        p.put("min", min).put("max", max);
        if (rng.nextInt(3) == 0) {
          p.put("rounding", (max - min) / (1 + rng.nextInt(20)));
        }
      }
      case 2 -> {
        p.put("type", "number").put("mode", "normal").put("mean", 0.5).put("stddev", 0.1 + rng.nextDouble());
        if (rng.nextBoolean()) {
          p.put("min", 0).put("max", 1);
        }
      }
      case 3 -> {
        long min = rng.nextInt(-100, 100);
        p.put("type", "integer").put("min", min).put("max", min + rng.nextInt(1, 1000));
      }
      case 4 -> {
        ArrayNode values = p.put("type", "string").putArray("enum");
        int n = 1 + rng.nextInt(6);
        for (int i = 0; i < n; i++) {
          values.add("v" + i);
        }
        if (rng.nextBoolean()) {
          p.put("ordered", true);
        }
      }
      case 5 -> p.put("type", "boolean");
      case 6 -> p.put("constant", rng.nextInt(10));
      default -> {
        ArrayNode branches = p.putArray("anyOf");
        int n = 1 + rng.nextInt(3);
        for (int b = 0; b < n; b++) {
          ObjectNode branch = branches.addObject();
          branch.put("type", "object");
          ObjectNode bp = branch.putObject("properties");
          int m = 1 + rng.nextInt(2);
          for (int j = 0; j < m; j++) {
            String name = "q" + j;
            bp.set(name, parameter(rng, depth - 1, slots, path + "." + b + "." + name));
          }
        }
        return p;
      }
    }
    slots.add(new Slot(p, path));
    return p;
  }

  private static double randomBound(SplittableRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> rng.nextInt(-10, 10);
      case 1 -> rng.nextDouble(-1, 1);
      case 2 -> rng.nextDouble(-1e6, 1e6);
      default -> rng.nextDouble(-1e300, 1e300);
    };
  }

  private static Case parameterMutation(long seed, ObjectNode config, Slot slot, SplittableRandom rng) {
    ObjectNode p = slot.node();
    String type = p.path("type").asText(p.has("constant") ? "constant" : "");
    List<Mutation> options = new ArrayList<>();
    options.add(new Mutation("unknown key", slot.path() + ".colour", n -> n.put("colour", "red")));
    options.add(new Mutation("wrong type", slot.path() + ".type", n -> n.put("type", "float")));
    if (type.equals("number") || type.equals("integer")) {
      if (p.has("min") && p.has("max") && !"normal".equals(p.path("mode").asText())) {
        options.add(new Mutation("min above max", slot.path() + ".min", n -> {
          double min = n.get("min").asDouble();
          n.put("min", n.get("max").asDouble() + Math.abs(min) + 1);
        }));
        options.add(new Mutation("missing min", slot.path(), n -> n.remove("min")));
        options.add(new Mutation("infinite max", slot.path() + ".max", n -> n.put("max", Double.POSITIVE_INFINITY)));
        options.add(new Mutation("nan min", slot.path() + ".min", n -> n.put("min", Double.NaN)));
        options.add(new Mutation("text max", slot.path() + ".max", n -> n.put("max", "ten")));
      }
      options.add(new Mutation("negative rounding", slot.path() + ".rounding", n -> n.put("rounding", -0.5)));
      options.add(new Mutation("bad scaling", slot.path() + ".scaling", n -> n.put("scaling", "cubic")));
      if (type.equals("integer")) {
        options.add(new Mutation("fractional min", slot.path() + ".min", n -> n.put("min", n.get("min").asLong() + 0.5)));
      } else if (!"normal".equals(p.path("mode").asText())) {
        options.add(new Mutation("log with min <= 0", slot.path() + ".min", n -> n.put("scaling", "logarithmic").put("min", -1.0)));
      } else {
        options.add(new Mutation("stddev <= 0", slot.path() + ".stddev", n -> n.put("stddev", 0)));
      }
    }
    if (type.equals("string")) {
      options.add(new Mutation("empty enum", slot.path() + ".enum", n -> ((ArrayNode) n.get("enum")).removeAll()));
      options.add(new Mutation("duplicate enum value", slot.path() + ".enum", n -> ((ArrayNode) n.get("enum")).add("v0")));
      options.add(new Mutation("object in enum", slot.path() + ".enum", n -> ((ArrayNode) n.get("enum")).addObject()));
    }
    Mutation m = options.get(rng.nextInt(options.size()));
    m.apply().accept(p);
    return new Case(seed, config, m.path(), m.name());
  }

  private static Case sectionMutation(long seed, ObjectNode config, SplittableRandom rng) {
    List<Mutation> options = List.of(
        new Mutation("iterations 0", "search.iterations", c -> ((ObjectNode) c.get("search")).put("iterations", 0)),
        new Mutation("iterations text", "search.iterations", c -> ((ObjectNode) c.get("search")).put("iterations", "many")),
        new Mutation("iterations fractional", "search.iterations", c -> ((ObjectNode) c.get("search")).put("iterations", 2.5)),
        new Mutation("direction", "search.direction", c -> ((ObjectNode) c.get("search")).put("direction", "up")),
        new Mutation("parallel 0", "function.parallel", c -> ((ObjectNode) c.get("function")).put("parallel", 0)),
        new Mutation("unknown section", "serach", c -> c.putObject("serach")),
        new Mutation("bad parameter name", "hyperparameters.a.b", c -> ((ObjectNode) c.get("hyperparameters").get("properties")).set("a.b", JSON.createObjectNode().put("type", "boolean"))),
        new Mutation("parameter not an object", "hyperparameters.p0", c -> ((ObjectNode) c.get("hyperparameters").get("properties")).put("p0", 3)));
    Mutation m = options.get(rng.nextInt(options.size()));
    m.apply().accept(config);
    return new Case(seed, config, m.path(), m.name());
  }

  private record Mutation(String name, String path, Consumer<ObjectNode> apply) {}

  @Test
  void theGeneratorProducesBothValidAndBrokenCasesOfEveryKind() {
    long valid = IntStream.range(0, CASES).mapToObj(i -> generate(1_000L + i, 1 + i % 7)).filter(c -> c.mutation() == null).count();
    long mutations = IntStream.range(0, CASES).mapToObj(i -> generate(1_000L + i, 1 + i % 7)).map(Case::mutation).filter(m -> m != null).distinct().count();
    assertTrue(valid > CASES / 10, "valid cases: " + valid);
    assertTrue(mutations >= 20, "distinct mutations: " + mutations);
    assertEquals(CASES, IntStream.range(0, CASES).mapToObj(i -> generate(1_000L + i, 1 + i % 7).toString()).count());
  }
}
