package io.hypermax.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * Parses the Hypermax {@code hyperparameters} format (a JSON-schema-like tree) into a
 * {@link SearchSpace}, rejecting every mistake with the path of the offending node.
 *
 * <p>Node kinds: {@code object} with {@code properties}; {@code number} with {@code min},
 * {@code max}, {@code scaling}, {@code mode} ({@code mean}, {@code stddev}) and {@code rounding};
 * {@code integer}; {@code string} with {@code enum}; {@code boolean}; {@code constant};
 * {@code anyOf}/{@code oneOf} whose branches are objects.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class SpaceParser {
  private static final Set<String> DOC_KEYS = Set.of("description", "title");
  private static final Set<String> OBJECT_KEYS = union(Set.of("type", "properties"));
  private static final Set<String> NUMBER_KEYS =
      union(Set.of("type", "min", "max", "scaling", "mode", "mean", "stddev", "rounding"));
  private static final Set<String> INTEGER_KEYS = union(Set.of("type", "min", "max", "scaling", "rounding"));
  private static final Set<String> STRING_KEYS = union(Set.of("type", "enum", "ordered"));
  private static final Set<String> BOOLEAN_KEYS = union(Set.of("type"));
  private static final Set<String> CONSTANT_KEYS = union(Set.of("constant"));
  private static final Set<String> KNOWN_TYPES = Set.of("object", "number", "integer", "string", "boolean");

  private final List<Parameter> parameters = new ArrayList<>();

  private SpaceParser() {}

  /** Parses {@code node} (normally the config's {@code hyperparameters}); the root must be an object. */
  public static SearchSpace parse(ConfigNode node) {
    if (node.isMissing()) {
      throw node.error("missing: the search space must be an object with 'properties'");
    }
    node.requireObject();
    SpaceParser parser = new SpaceParser();
    if (node.has("anyOf") || node.has("oneOf") || node.has("constant")) {
      throw node.error("the root of the search space must be an object with 'properties'");
    }
    // The root may omit "type": "object" as long as it has properties.
    if (!node.has("type") && node.has("properties")) {
      parser.parseObject(node, List.of(), List.of(), null);
    } else {
      parser.parseNode(node, List.of(), List.of(), null);
      if (parser.parameters.isEmpty() && !"object".equals(node.json().path("type").asText())) {
        throw node.error("the root of the search space must be an object with 'properties'");
      }
    }
    try {
      return new SearchSpace(parser.parameters);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private void parseNode(ConfigNode node, List<String> path, List<String> nested, Condition condition) {
    if (!node.isObject()) {
      throw node.error("a parameter must be an object, found " + ConfigNode.describe(node.json()));
    }
    if (node.has("anyOf") || node.has("oneOf")) {
      parseChoice(node, path, nested, condition);
      return;
    }
    if (node.json().has("constant")) {
      node.requireKnownKeys(CONSTANT_KEYS);
      add(path, nested, new ConstantDistribution(JsonValues.toJava(node.json().get("constant"))), condition);
      return;
    }
    if (!node.has("type")) {
      if (node.has("enum")) {
        parseString(node, path, nested, condition);
        return;
      }
      throw node.error(
          "missing 'type' (one of " + KNOWN_TYPES + "), or 'enum', 'constant', 'anyOf' or 'oneOf'");
    }
    String type = node.requireString("type");
    switch (type) {
      case "object" -> parseObject(node, path, nested, condition);
      case "number" -> parseNumber(node, path, nested, condition, false);
      case "integer" -> parseNumber(node, path, nested, condition, true);
      case "string" -> parseString(node, path, nested, condition);
      case "boolean" -> {
        node.requireKnownKeys(BOOLEAN_KEYS);
        add(path, nested, CategoricalDistribution.booleans(), condition);
      }
      default -> throw node.get("type")
          .error("unknown parameter type '" + type + "'; known types: " + KNOWN_TYPES);
    }
  }

  private void parseObject(ConfigNode node, List<String> path, List<String> nested, Condition condition) {
    node.requireKnownKeys(OBJECT_KEYS);
    ConfigNode props = node.get("properties");
    if (props.isMissing()) {
      throw node.error("an object needs 'properties'");
    }
    props.requireObject();
    for (String key : props.keys()) {
      // Errors name the parameter's own path (hyperparameters.lr.max), not the JSON-schema wrapping.
      ConfigNode child = new ConfigNode(props.file(), node.path() + "." + key, props.json().get(key));
      if (key.isEmpty() || key.contains(".") || key.startsWith("$")) {
        throw child.error("parameter names must be non-empty, without '.' and not start with '$'");
      }
      parseNode(child, append(path, key), append(nested, key), condition);
    }
  }

  private void parseChoice(ConfigNode node, List<String> path, List<String> nested, Condition condition) {
    if (path.isEmpty()) {
      throw node.error("the root of the search space must be an object, not a choice");
    }
    String key = node.has("anyOf") ? "anyOf" : "oneOf";
    if (node.has("anyOf") && node.has("oneOf")) {
      throw node.error("use either 'anyOf' or 'oneOf', not both");
    }
    node.requireKnownKeys(union(Set.of(key)));
    ConfigNode branches = node.get(key);
    if (!branches.json().isArray() || branches.size() == 0) {
      throw branches.error("must be a non-empty list of objects");
    }
    String choicePath = String.join(".", path);
    add(path, nested, new ChoiceDistribution(branches.size()), condition);
    for (int i = 0; i < branches.size(); i++) {
      ConfigNode branch = new ConfigNode(node.file(), node.path() + "." + i, branches.json().get(i));
      if (!branch.isObject()) {
        throw branch.error("a branch must be an object, found " + ConfigNode.describe(branch.json()));
      }
      String type = branch.json().path("type").asText("object");
      if (!"object".equals(type) || !branch.has("properties")) {
        throw branch.error("a branch must be an object with 'properties'");
      }
      parseObject(branch, append(path, Integer.toString(i)), nested, new Condition(choicePath, i));
    }
  }

  private void parseString(ConfigNode node, List<String> path, List<String> nested, Condition condition) {
    node.requireKnownKeys(STRING_KEYS);
    ConfigNode values = node.get("enum");
    if (values.isMissing()) {
      throw node.error("a string parameter needs an 'enum' list of values");
    }
    if (!values.json().isArray()) {
      throw values.error("must be a list, found " + ConfigNode.describe(values.json()));
    }
    if (values.size() == 0) {
      throw values.error("the enum is empty: give at least one value");
    }
    List<Object> list = new ArrayList<>();
    // A hash set keeps validation linear: an enum of 200,000 values used to take minutes.
    Set<Object> seen = new java.util.HashSet<>();
    for (JsonNode v : values.json()) {
      if (!v.isValueNode() || v.isNull()) {
        throw values.error("enum values must be strings, numbers or booleans, found " + ConfigNode.describe(v));
      }
      Object value = JsonValues.toJava(v);
      if (!seen.add(CategoricalDistribution.identity(value))) {
        throw values.error("duplicate value " + v + " in enum");
      }
      list.add(value);
    }
    add(path, nested, new CategoricalDistribution(list, node.bool("ordered", false)), condition);
  }

  private void parseNumber(
      ConfigNode node, List<String> path, List<String> nested, Condition condition, boolean integerType) {
    node.requireKnownKeys(integerType ? INTEGER_KEYS : NUMBER_KEYS);
    NumberDistribution.Scaling scaling =
        switch (node.choice("scaling", "linear", Set.of("linear", "logarithmic"))) {
          case "logarithmic" -> NumberDistribution.Scaling.LOGARITHMIC;
          default -> NumberDistribution.Scaling.LINEAR;
        };
    String modeName = integerType ? "uniform" : node.string("mode", "uniform");
    if ("randint".equals(modeName)) {
      throw node.get("mode").error("'randint' is not supported: use \"type\": \"integer\" with min and max");
    }
    if (!Set.of("uniform", "normal").contains(modeName)) {
      throw node.get("mode").error("'" + modeName + "' is not one of [normal, uniform]");
    }
    NumberDistribution.Mode mode =
        "normal".equals(modeName) ? NumberDistribution.Mode.NORMAL : NumberDistribution.Mode.UNIFORM;
    double min;
    double max;
    double mean = 0;
    double stddev = 1;
    if (mode == NumberDistribution.Mode.UNIFORM) {
      if (!node.has("min")) {
        throw node.error("missing required key 'min'");
      }
      if (!node.has("max")) {
        throw node.error("missing required key 'max'");
      }
      min = bound(node, "min", Double.NaN);
      max = bound(node, "max", Double.NaN);
      if (min > max) {
        throw node.get("min").error("min (" + fmt(min) + ") is greater than max (" + fmt(max) + ")");
      }
      if (scaling == NumberDistribution.Scaling.LOGARITHMIC && min <= 0) {
        throw node.get("min").error("logarithmic scaling needs min > 0, found " + fmt(min));
      }
    } else {
      min = bound(node, "min", Double.NEGATIVE_INFINITY);
      max = bound(node, "max", Double.POSITIVE_INFINITY);
      if (min > max) {
        throw node.get("min").error("min (" + fmt(min) + ") is greater than max (" + fmt(max) + ")");
      }
      mean = node.number("mean", scaling == NumberDistribution.Scaling.LOGARITHMIC ? 1 : 0);
      stddev = node.number("stddev", 1);
      if (stddev <= 0) {
        throw node.get("stddev").error("stddev must be > 0, found " + fmt(stddev));
      }
      if (scaling == NumberDistribution.Scaling.LOGARITHMIC && mean <= 0) {
        throw node.get("mean").error("logarithmic scaling needs mean > 0 (it is the median), found " + fmt(mean));
      }
      if (min > mean || max < mean) {
        throw node.get("mean").error("mean " + fmt(mean) + " lies outside [min, max]");
      }
    }
    Double rounding = node.optDouble("rounding").orElse(null);
    if (rounding != null && rounding <= 0) {
      throw node.get("rounding").error("rounding must be > 0, found " + fmt(rounding));
    }
    boolean integer;
    if (integerType) {
      if (node.has("min") && min != Math.rint(min)) {
        throw node.get("min").error("an integer parameter needs an integer min, found " + fmt(min));
      }
      if (node.has("max") && max != Math.rint(max)) {
        throw node.get("max").error("an integer parameter needs an integer max, found " + fmt(max));
      }
      if (rounding != null && rounding != Math.rint(rounding)) {
        throw node.get("rounding").error("an integer parameter needs an integer rounding, found " + fmt(rounding));
      }
      for (String key : List.of("min", "max")) {
        double v = key.equals("min") ? min : max;
        if (node.has(key) && Math.abs(v) >= 0x1p63) {
          throw node.get(key).error("an integer parameter's bound must lie within ±9.2e18 (a Java long), found " + fmt(v));
        }
      }
      rounding = rounding == null ? 1.0 : rounding;
      integer = true;
    } else {
      // A rounding of 1, or any integer rounding with integer bounds, yields integers (not 70.0).
      integer =
          rounding != null
              && rounding == Math.rint(rounding)
              && (!Double.isFinite(min) || min == Math.rint(min))
              && (!Double.isFinite(max) || max == Math.rint(max))
              // Values beyond a long stay doubles: Math.round would pin them at Long.MAX_VALUE.
              && Math.abs(Double.isFinite(min) ? min : 0) < 0x1p63
              && Math.abs(Double.isFinite(max) ? max : 0) < 0x1p63;
    }
    if (rounding != null && Double.isFinite(min) && Double.isFinite(max) && rounding > max - min && max > min) {
      throw node.get("rounding").error("rounding " + fmt(rounding) + " is larger than the range [min, max]");
    }
    add(path, nested, new NumberDistribution(min, max, scaling, mode, mean, stddev, rounding, integer), condition);
  }

  /**
   * A {@code min} or {@code max}: a finite number. YAML's {@code .inf} and {@code .nan} (and JSON
   * numbers beyond a double) are refused here, naming the key, not deep inside an optimizer.
   */
  private static double bound(ConfigNode node, String key, double absent) {
    JsonNode v = node.json().get(key);
    if (v != null && v.isNumber() && !Double.isFinite(v.asDouble())) {
      String found = Double.isNaN(v.asDouble()) ? ".nan" : v.asDouble() > 0 ? ".inf" : "-.inf";
      String hint = Double.isInfinite(absent) ? "; leave '" + key + "' out for no bound" : "";
      throw node.get(key).error("the bound must be finite, found " + found + hint);
    }
    return node.optDouble(key).orElse(absent);
  }

  private void add(List<String> path, List<String> nested, Distribution d, Condition condition) {
    parameters.add(new Parameter(String.join(".", path), nested, d, condition));
  }

  private static List<String> append(List<String> list, String item) {
    List<String> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static Set<String> union(Set<String> keys) {
    java.util.HashSet<String> all = new java.util.HashSet<>(keys);
    all.addAll(DOC_KEYS);
    return Set.copyOf(all);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Convenience for code paths that have no file. */
  public static SearchSpace parse(JsonNode json) {
    return parse(new ConfigNode(null, "hyperparameters", json));
  }
}
