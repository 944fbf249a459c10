package io.hypermax.core.pruning;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.stability.API;

/**
 * The settings of {@code search.pruner} that the core reads, whatever the pruner:
 * {@code type} (the pruner's id), {@code budget_parameter} (the reserved parameter through which a
 * trial is told its budget; none by default) and {@code grace_seconds} (how long a process trial
 * may run on after it was pruned before it gets SIGTERM; 10 by default).
 *
 * @param type the pruner id, or null for no pruning
 * @param settings the {@code search.pruner} node (an object, or the plain id)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PrunerSettings(String type, String budgetParameter, double graceSeconds, ConfigNode settings) {
  public static final double DEFAULT_GRACE_SECONDS = 10;
  /** No pruner. */
  public static final PrunerSettings NONE = new PrunerSettings(null, null, DEFAULT_GRACE_SECONDS, ConfigNode.empty(null, "search.pruner"));

  /** Reads {@code search.pruner} from the {@code search} section. */
  public static PrunerSettings from(ConfigNode search) {
    ConfigNode p = search.get("pruner");
    if (p.isMissing() || p.json().isNull()) {
      return NONE;
    }
    if (p.json().isTextual()) {
      String id = p.json().asText();
      return id.equals("none") ? NONE : new PrunerSettings(id, null, DEFAULT_GRACE_SECONDS, p);
    }
    if (!p.isObject()) {
      throw p.error("must be a pruner id (median, percentile, successive_halving, hyperband) or an object with a type");
    }
    String type = p.requireString("type");
    String budget = p.optString("budget_parameter").orElse(null);
    if (budget != null && (budget.isBlank() || budget.contains("."))) {
      throw p.get("budget_parameter").error("must be a plain parameter name (no dots), found '" + budget + "'");
    }
    double grace = p.number("grace_seconds", DEFAULT_GRACE_SECONDS);
    if (!(grace >= 0) || Double.isInfinite(grace)) {
      throw p.get("grace_seconds").error("must be a number of seconds >= 0");
    }
    return type.equals("none") ? NONE : new PrunerSettings(type, budget, grace, p);
  }

  public boolean enabled() {
    return type != null;
  }
}
