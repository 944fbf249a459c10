package io.hypermax.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import io.hypermax.core.stability.API;

/**
 * A fluent Java builder for search spaces, equivalent to the config's {@code hyperparameters}:
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *     .number("learning_rate", 1e-4, 1e-1, n -> n.log())
 *     .number("dropout", 0, 0.5, n -> n.rounding(0.05))
 *     .normal("momentum", 0.9, 0.05, n -> n.min(0).max(1))
 *     .integer("layers", 1, 8)
 *     .choice("activation", "relu", "tanh", "gelu")
 *     .bool("batch_norm")
 *     .constant("epochs", 10)
 *     .oneOf("model", branches -> branches
 *         .branch(svm -> svm.constant("kind", "svm").number("c", 0.01, 100, n -> n.log()))
 *         .branch(tree -> tree.constant("kind", "tree").integer("depth", 1, 12)))
 *     .build();
 * }</pre>
 *
 * <p>It writes the same JSON tree a config file holds ({@link #toJson()}) and builds the space with
 * {@link SpaceParser}, so a builder and a config cannot drift apart: the same defaults, the same
 * validation, the same errors (a {@link io.hypermax.core.config.ConfigException} naming
 * {@code hyperparameters.<path>}).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class SpaceBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode properties = JSON.objectNode();

  SpaceBuilder() {}

  /** A number drawn uniformly from [min, max]. */
  public SpaceBuilder number(String name, double min, double max) {
    return number(name, min, max, n -> n);
  }

  /** A number in [min, max] with options: {@code n -> n.log().rounding(0.5)}. */
  public SpaceBuilder number(String name, double min, double max, UnaryOperator<NumberOptions> options) {
    ObjectNode node = JSON.objectNode().put("type", "number").put("min", min).put("max", max);
    return put(name, options.apply(new NumberOptions(node)).node);
  }

  /**
   * A normally distributed number, {@code mode: normal}: N(mean, stddev) on a linear scale; with
   * {@code log()}, ln(value) is N(ln(mean), stddev). Optional {@code min}/{@code max} truncate it.
   */
  public SpaceBuilder normal(String name, double mean, double stddev, UnaryOperator<NumberOptions> options) {
    ObjectNode node = JSON.objectNode().put("type", "number").put("mode", "normal").put("mean", mean).put("stddev", stddev);
    return put(name, options.apply(new NumberOptions(node)).node);
  }

  public SpaceBuilder normal(String name, double mean, double stddev) {
    return normal(name, mean, stddev, n -> n);
  }

  /** An integer drawn uniformly from min..max (both included). */
  public SpaceBuilder integer(String name, long min, long max) {
    return integer(name, min, max, n -> n);
  }

  /** An integer with options: {@code n -> n.log()} or {@code n -> n.rounding(4)}. */
  public SpaceBuilder integer(String name, long min, long max, UnaryOperator<NumberOptions> options) {
    ObjectNode node = JSON.objectNode().put("type", "integer").put("min", min).put("max", max);
    return put(name, options.apply(new NumberOptions(node)).node);
  }

  /** One of the values (strings, numbers or booleans), like {@code enum: [...]}. */
  public SpaceBuilder choice(String name, Object... values) {
    return choice(name, List.of(values), false);
  }

  /** One of the values; {@code ordered} tells optimizers that neighbours in the list are close. */
  public SpaceBuilder choice(String name, List<?> values, boolean ordered) {
    ObjectNode node = JSON.objectNode().put("type", "string");
    ArrayNode list = node.putArray("enum");
    values.forEach(v -> list.add(JsonValues.MAPPER.valueToTree(v)));
    if (ordered) {
      node.put("ordered", true);
    }
    return put(name, node);
  }

  /** true or false. */
  public SpaceBuilder bool(String name) {
    return put(name, JSON.objectNode().put("type", "boolean"));
  }

  /** A fixed value handed to the function and recorded, never optimized. */
  public SpaceBuilder constant(String name, Object value) {
    ObjectNode node = JSON.objectNode();
    node.set("constant", JsonValues.MAPPER.valueToTree(value));
    return put(name, node);
  }

  /** A nested object: the function receives {@code name} as a map of the inner parameters. */
  public SpaceBuilder object(String name, Consumer<SpaceBuilder> inner) {
    SpaceBuilder child = new SpaceBuilder();
    inner.accept(child);
    return put(name, child.objectNode());
  }

  /**
   * A conditional choice ({@code oneOf}): one branch is taken per trial, and only its parameters
   * are active. The function receives {@code name} as the branch's map plus {@code "$index"}.
   */
  public SpaceBuilder oneOf(String name, Consumer<Branches> branches) {
    Branches b = new Branches();
    branches.accept(b);
    ObjectNode node = JSON.objectNode();
    node.set("oneOf", b.list);
    return put(name, node);
  }

  /** The space as the config's {@code hyperparameters} JSON. */
  public ObjectNode toJson() {
    return objectNode();
  }

  /** Builds and validates the space; a mistake is a ConfigException naming {@code hyperparameters.<path>}. */
  public SearchSpace build() {
    return SpaceParser.parse(new ConfigNode(null, "hyperparameters", objectNode()));
  }

  private ObjectNode objectNode() {
    ObjectNode root = JSON.objectNode().put("type", "object");
    root.set("properties", properties.deepCopy());
    return root;
  }

  private SpaceBuilder put(String name, JsonNode node) {
    Objects.requireNonNull(name, "name");
    if (properties.has(name)) {
      throw new IllegalArgumentException("parameter '" + name + "' is defined twice");
    }
    properties.set(name, node);
    return this;
  }

  /** The branches of a {@link #oneOf}, in order (branch 0, 1, ...). */
  public static final class Branches {
    private final ArrayNode list = JSON.arrayNode();

    private Branches() {}

    public Branches branch(Consumer<SpaceBuilder> parameters) {
      SpaceBuilder b = new SpaceBuilder();
      parameters.accept(b);
      list.add(b.objectNode());
      return this;
    }
  }

  /** Options of a number or integer: scaling, rounding, bounds of a normal prior. */
  public static final class NumberOptions {
    private final ObjectNode node;

    private NumberOptions(ObjectNode node) {
      this.node = node;
    }

    /** Logarithmic scaling ({@code scaling: logarithmic}); needs min > 0. */
    public NumberOptions log() {
      node.put("scaling", "logarithmic");
      return this;
    }

    /** Rounds to a grid of {@code step} anchored at min ({@code rounding}). */
    public NumberOptions rounding(double step) {
      node.put("rounding", step);
      return this;
    }

    /** Lower bound (truncates a normal prior). */
    public NumberOptions min(double min) {
      node.put("min", min);
      return this;
    }

    /** Upper bound (truncates a normal prior). */
    public NumberOptions max(double max) {
      node.put("max", max);
      return this;
    }

    /** A description kept with the space, as the config's {@code description}. */
    public NumberOptions description(String text) {
      node.put("description", text);
      return this;
    }
  }
}
