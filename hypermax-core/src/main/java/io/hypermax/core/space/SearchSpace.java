package io.hypermax.core.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * An immutable, ordered set of parameters (a choice always comes before the parameters it
 * conditions). Built from a config's {@code hyperparameters} by {@link SpaceParser} or grown one
 * parameter at a time by define-by-run code through {@link #with(Parameter)}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class SearchSpace {
  private final List<Parameter> parameters;
  private final Map<String, Parameter> byPath;

  public SearchSpace(List<Parameter> parameters) {
    Map<String, Parameter> map = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (map.put(p.path(), p) != null) {
        throw new IllegalArgumentException("duplicate parameter " + p.path());
      }
      if (p.condition() != null && !map.containsKey(p.condition().choicePath())) {
        throw new IllegalArgumentException(
            p.path() + " is conditioned on " + p.condition().choicePath() + " which is not defined before it");
      }
    }
    this.parameters = List.copyOf(parameters);
    this.byPath = Collections.unmodifiableMap(map);
  }

  /** A fluent builder, equivalent to the config's {@code hyperparameters} (see {@link SpaceBuilder}). */
  public static SpaceBuilder builder() {
    return new SpaceBuilder();
  }

  public static SearchSpace empty() {
    return new SearchSpace(List.of());
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /** Parameters that an optimizer has to choose (everything but constants). */
  public List<Parameter> optimizable() {
    return parameters.stream().filter(p -> p.distribution().isOptimizable()).toList();
  }

  public Parameter get(String path) {
    return byPath.get(path);
  }

  public boolean contains(String path) {
    return byPath.containsKey(path);
  }

  public int size() {
    return parameters.size();
  }

  public SearchSpace with(Parameter parameter) {
    List<Parameter> list = new ArrayList<>(parameters);
    list.add(parameter);
    return new SearchSpace(list);
  }

  /** Whether {@code p} is active given the values chosen so far for its ancestors. */
  public boolean isActive(Parameter p, Map<String, Object> chosen) {
    Condition c = p.condition();
    while (c != null) {
      Object branch = chosen.get(c.choicePath());
      if (!(branch instanceof Number n) || n.intValue() != c.branch()) {
        return false;
      }
      c = byPath.get(c.choicePath()).condition();
    }
    return true;
  }

  /** A draw from the prior of every parameter, honouring conditions. */
  public Assignment sample(RandomGenerator rng) {
    return complete(Map.of(), rng);
  }

  /**
   * Walks the space in order, keeping values given in {@code proposal} for active parameters and
   * drawing any missing active one from its prior; inactive ones are dropped. Optimizers use this
   * so every assignment they return is consistent with the conditions.
   */
  public Assignment complete(Map<String, Object> proposal, RandomGenerator rng) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (!isActive(p, out)) {
        continue;
      }
      Object v = proposal.get(p.path());
      if (v == null) {
        v = p.distribution().sample(rng);
      } else if (!p.distribution().contains(v)) {
        v = coerce(p.distribution(), v, rng);
      }
      out.put(p.path(), v);
    }
    return new Assignment(out);
  }

  private static Object coerce(Distribution d, Object v, RandomGenerator rng) {
    if (d instanceof NumberDistribution n && v instanceof Number num) {
      return n.snap(num.doubleValue());
    }
    return d.sample(rng);
  }

  /** Checks that an assignment uses known parameters, legal values and respects conditions. */
  public void validate(Assignment a) {
    for (Map.Entry<String, Object> e : a.values().entrySet()) {
      Parameter p = byPath.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException("unknown parameter " + e.getKey());
      }
      if (!p.distribution().contains(e.getValue())) {
        throw new IllegalArgumentException(
            e.getKey() + " = " + e.getValue() + " is not in " + p.distribution().describe());
      }
      if (!isActive(p, a.values())) {
        throw new IllegalArgumentException(e.getKey() + " is set but inactive");
      }
    }
  }

  /**
   * The nested view handed to the function: objects as maps, a choice as a map of its branch's
   * parameters plus {@code "$index"} (the branch taken), as in the original Hypermax.
   */
  public Map<String, Object> nest(Assignment a) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (!a.isActive(p.path())) {
        continue;
      }
      Map<String, Object> target = root;
      List<String> segments = p.nestedPath();
      for (int i = 0; i < segments.size() - 1; i++) {
        target = childMap(target, segments.get(i));
      }
      String leaf = segments.get(segments.size() - 1);
      if (p.isChoice()) {
        childMap(target, leaf).put("$index", a.get(p.path()));
      } else {
        target.put(leaf, a.get(p.path()));
      }
    }
    // Values of define-by-run parameters that were never registered still reach the function.
    for (Map.Entry<String, Object> e : a.values().entrySet()) {
      if (!byPath.containsKey(e.getKey())) {
        root.put(e.getKey(), e.getValue());
      }
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
    Object existing = parent.get(key);
    if (existing instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> child = new LinkedHashMap<>();
    parent.put(key, child);
    return child;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Parameter p : parameters) {
      sb.append(p.path()).append(": ").append(p.distribution().describe()).append('\n');
    }
    return sb.toString();
  }
}
