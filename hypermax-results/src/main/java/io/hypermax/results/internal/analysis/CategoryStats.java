package io.hypermax.results.internal.analysis;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.hypermax.core.stability.API;

/**
 * Losses of a categorical parameter (an enum, a boolean or a branch choice) grouped by value, in the
 * order the space lists the values; values never tried are left out.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record CategoryStats(String path, List<Group> groups) {

  /** Box statistics of one value's losses; {@code losses} and {@code trials} line up. */
  public record Group(String label, double[] losses, int[] trials) {
    public int count() {
      return losses.length;
    }

    public double min() {
      return Stats.min(losses);
    }

    public double q1() {
      return Stats.percentile(losses, 25);
    }

    public double median() {
      return Stats.median(losses);
    }

    public double q3() {
      return Stats.percentile(losses, 75);
    }

    public double max() {
      return Stats.max(losses);
    }

    public double mean() {
      return Stats.mean(losses);
    }
  }

  public static CategoryStats of(Observations obs, Parameter p) {
    Map<String, List<Observation>> byLabel = new LinkedHashMap<>();
    for (Object v : declaredValues(p)) {
      byLabel.put(obs.label(p, v), new ArrayList<>());
    }
    for (Observation o : obs.all()) {
      Object v = o.params().get(p.path());
      if (v != null) {
        byLabel.computeIfAbsent(obs.label(p, v), k -> new ArrayList<>()).add(o);
      }
    }
    List<Group> groups = new ArrayList<>();
    byLabel.forEach(
        (label, list) -> {
          if (!list.isEmpty()) {
            groups.add(
                new Group(
                    label,
                    list.stream().mapToDouble(Observation::loss).toArray(),
                    list.stream().mapToInt(Observation::trial).toArray()));
          }
        });
    return new CategoryStats(p.path(), List.copyOf(groups));
  }

  private static List<Object> declaredValues(Parameter p) {
    if (p.distribution() instanceof CategoricalDistribution c) {
      return c.values();
    }
    if (p.distribution() instanceof ChoiceDistribution c) {
      return new ArrayList<>(c.indices());
    }
    return List.of();
  }

  /** A value's label: branch choices read "branch 0", everything else its text. */
  public static String label(Parameter p, Object v) {
    if (p.distribution() instanceof ChoiceDistribution && v instanceof Number n) {
      return "branch " + n.intValue();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !(v instanceof Double d && d.isInfinite())) {
      return Objects.toString(n.longValue());
    }
    return String.valueOf(v);
  }
}
