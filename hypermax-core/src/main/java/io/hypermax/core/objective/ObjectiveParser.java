package io.hypermax.core.objective;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.objective.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * Reads the {@code metrics} section and {@code search.objectives} into an {@link Objective},
 * failing with one line naming the file and the key for every mistake.
 *
 * <pre>
 * "metrics": {
 *   "accuracy": {"direction": "maximize", "weight": 1,
 *                "transform": {"type": "asymptote", "min": 0.5, "max": 1, "target": 0.95}},
 *   "time": {"type": "time", "target_time": 5, "max_time": 10, "penalty_at_max": 0.1}
 * }
 * </pre>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ObjectiveParser {
  public static final String WEIGHTED = "weighted";
  public static final String PARETO = "pareto";
  private static final Set<String> VALUE_KEYS = Set.of("type", "weight", "direction", "transform");

  private ObjectiveParser() {}

  /**
   * @param metrics the top-level {@code metrics} node (may be missing)
   * @param search the {@code search} node (for {@code objectives} and {@code direction})
   */
  public static Objective parse(ConfigNode metrics, ConfigNode search) {
    String mode = search.string("objectives", WEIGHTED).toLowerCase(Locale.ROOT);
    if (!mode.equals(WEIGHTED) && !mode.equals(PARETO)) {
      throw search.get("objectives").error("must be 'weighted' (one loss: the weighted sum) or 'pareto' (keep the Pareto front), found '"
          + search.string("objectives", "") + "'");
    }
    if (metrics.isMissing()) {
      if (mode.equals(PARETO)) {
        throw search.get("objectives").error("'pareto' needs a metrics section with at least two metrics");
      }
      return Objective.LOSS;
    }
    metrics.requireObject();
    if (metrics.size() == 0) {
      throw metrics.error("must name at least one metric");
    }
    if (search.has("direction") && !search.string("direction", "minimize").toLowerCase(Locale.ROOT).startsWith("min")) {
      throw search.get("direction").error("must be 'minimize' with a metrics section (the weighted sum is minimised); "
          + "give each metric its own direction instead");
    }
    List<Metric> out = new ArrayList<>();
    for (String name : metrics.keys()) {
      out.add(metric(name, metrics.get(name)));
    }
    if (mode.equals(PARETO) && out.size() < 2) {
      throw search.get("objectives").error("'pareto' needs at least two metrics, found " + out.size());
    }
    return new Objective(out, mode.equals(PARETO));
  }

  private static Metric metric(String name, ConfigNode node) {
    node.requireObject();
    MetricType type;
    try {
      type = MetricType.parse(node.string("type", "value"));
    } catch (IllegalArgumentException e) {
      throw node.get("type").error(e.getMessage());
    }
    double weight = node.number("weight", 1.0);
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw node.get("weight").error("must be a finite number >= 0, found " + weight);
    }
    if (type == MetricType.VALUE) {
      node.requireKnownKeys(VALUE_KEYS);
      Direction direction;
      try {
        direction = Direction.parse(node.string("direction", "minimize"));
      } catch (IllegalArgumentException e) {
        throw node.get("direction").error(e.getMessage());
      }
      return Metric.value(name, weight, direction, transform(node.get("transform")));
    }
    node.requireKnownKeys(Set.of("type", "weight", type.targetKey(), type.maxKey(), "penalty_at_max"));
    double target = required(node, type.targetKey());
    double max = required(node, type.maxKey());
    double atMax = required(node, "penalty_at_max");
    if (target < 0) {
      throw node.get(type.targetKey()).error("must be >= 0, found " + target);
    }
    if (!(target < max)) {
      throw node.get(type.targetKey()).error("must be below " + type.maxKey() + " (" + target + " >= " + max + ")");
    }
    if (!(atMax >= 0)) {
      throw node.get("penalty_at_max").error("must be >= 0, found " + atMax);
    }
    return Metric.penalty(name, type, weight, new Penalty(target, max, atMax));
  }

  private static double required(ConfigNode node, String key) {
    if (!node.has(key)) {
      throw node.error("missing '" + key + "'");
    }
    double v = node.number(key, Double.NaN);
    if (!Double.isFinite(v)) {
      throw node.get(key).error("must be a finite number");
    }
    return v;
  }

  private static Transform transform(ConfigNode node) {
    if (node.isMissing()) {
      return Transform.NONE;
    }
    if (node.json().isTextual()) {
      return named(node, node.json().asText());
    }
    node.requireObject();
    String type = node.requireString("type");
    if (!type.equals("asymptote")) {
      node.requireKnownKeys(Set.of("type"));
      return named(node.get("type"), type);
    }
    node.requireKnownKeys(Set.of("type", "min", "max", "target"));
    double min = required(node, "min");
    double max = required(node, "max");
    double target = required(node, "target");
    if (!(min < target && target < max)) {
      throw node.get("target").error("must lie strictly between min and max (min " + min + ", target " + target + ", max " + max + ")");
    }
    return new Transform.Asymptote(min, max, target);
  }

  private static Transform named(ConfigNode node, String type) {
    return switch (type) {
      case "none" -> Transform.NONE;
      case "log" -> new Transform.Log();
      case "asymptote" -> throw node.error("the asymptote transform needs an object: {\"type\": \"asymptote\", \"min\": .., \"max\": .., \"target\": ..}");
      default -> throw node.error("unknown transform '" + type + "'; use none, log or asymptote");
    };
  }
}
