package io.hypermax.core.dbr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.NumberDistribution;
import java.util.List;

/**
 * Comparison and JSON form of define-by-run parameter definitions (value lists and number ranges),
 * so a project's journal can restore the space it was searched in.
 */
final class Definitions {
  private Definitions() {}

  /** Same definition, comparing list values by value (32 equals 32L, as after a JSON round trip). */
  static boolean same(Distribution a, Distribution b) {
    if (a instanceof CategoricalDistribution x && b instanceof CategoricalDistribution y) {
      if (x.ordered() != y.ordered() || x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (y.indexOf(x.values().get(i)) != i) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static ObjectNode toJson(Distribution d) {
    ObjectNode n = JsonValues.MAPPER.createObjectNode();
    if (d instanceof CategoricalDistribution c) {
      n.put("kind", "values");
      n.set("values", JsonValues.toJson(c.values()));
      n.put("ordered", c.ordered());
    } else if (d instanceof NumberDistribution num) {
      n.put("kind", "number");
      n.put("min", num.min());
      n.put("max", num.max());
      n.put("log", num.isLog());
      if (num.step() != null) {
        n.put("step", num.step());
      }
      n.put("integer", num.integer());
    } else {
      throw new IllegalArgumentException("not a define-by-run definition: " + d.describe());
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  static Distribution fromJson(JsonNode n) {
    switch (n.path("kind").asText()) {
      case "values" -> {
        return new CategoricalDistribution(
            (List<Object>) JsonValues.toJava(n.get("values")), n.path("ordered").asBoolean());
      }
      case "number" -> {
        Double step = n.has("step") ? n.get("step").asDouble() : null;
        return new NumberDistribution(
            n.get("min").asDouble(),
            n.get("max").asDouble(),
            n.path("log").asBoolean() ? NumberDistribution.Scaling.LOGARITHMIC : NumberDistribution.Scaling.LINEAR,
            NumberDistribution.Mode.UNIFORM,
            0,
            1,
            step,
            n.path("integer").asBoolean());
      }
      default -> throw new IllegalArgumentException("unknown parameter definition in the journal: " + n);
    }
  }
}
