package io.hypermax.core.guidance;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.ConstantDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * The guidance in force, and the one implementation of it that every optimizer gets: the study hands
 * the optimizer {@link #constrain(SearchSpace) a space} in which a locked parameter is a constant and
 * a narrowed one has its narrower range, so the optimizer models only the rest; and it passes each
 * suggestion through {@link #enforce}, which fixes locked values, clamps narrowed ones and draws
 * scrambled ones from their prior, whatever the optimizer did with the space.
 *
 * <p>Not thread-safe: the study changes it under its own lock; readers take {@link #state()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Guidance {
  /** An immutable view for displays. */
  public record State(Map<String, Object> locks, Set<String> scrambled, Map<String, double[]> narrowed, List<GuidanceEvent> history) {
    public boolean isEmpty() {
      return locks.isEmpty() && scrambled.isEmpty() && narrowed.isEmpty();
    }
  }

  private final Map<String, Object> locks = new LinkedHashMap<>();
  private final Set<String> scrambled = new LinkedHashSet<>();
  private final Map<String, double[]> narrowed = new LinkedHashMap<>();
  private final List<GuidanceEvent> history = new ArrayList<>();
  private final Set<String> appliedIds = new java.util.HashSet<>();
  // The last constrained space and the space it came from: optimizers cache by space identity (TPE's
  // observation table, GP's unit cube, StoRM's configurations, atpe's decision), so the same guidance
  // must hand them the same object on every ask, not a new one.
  private SearchSpace constrainedFrom;
  private SearchSpace constrained;

  public boolean isEmpty() {
    return locks.isEmpty() && scrambled.isEmpty() && narrowed.isEmpty();
  }

  public boolean hasApplied(String id) {
    return appliedIds.contains(id);
  }

  public State state() {
    Map<String, double[]> n = new LinkedHashMap<>();
    narrowed.forEach((k, v) -> n.put(k, v.clone()));
    return new State(
        Collections.unmodifiableMap(new LinkedHashMap<>(locks)),
        Collections.unmodifiableSet(new LinkedHashSet<>(scrambled)),
        Collections.unmodifiableMap(n),
        List.copyOf(history));
  }

  /**
   * Checks {@code e} against {@code space} and returns it with its value typed as the function
   * receives it (an integer parameter's lock 3.0 becomes 3).
   *
   * @throws IllegalArgumentException one line naming the parameter and what is wrong
   */
  public static GuidanceEvent validate(GuidanceEvent e, SearchSpace space) {
    Parameter p = space.get(e.parameter());
    if (p == null) {
      throw new IllegalArgumentException(
          "no parameter '" + e.parameter() + "' in the search space (parameters: " + names(space) + ")");
    }
    Distribution d = p.distribution();
    if (d instanceof ConstantDistribution) {
      throw new IllegalArgumentException(e.parameter() + " is a constant: there is nothing to guide");
    }
    switch (e.action()) {
      case LOCK -> {
        Object v = typed(d, e.value());
        if (v == null || !d.contains(v)) {
          throw new IllegalArgumentException(
              "cannot lock " + e.parameter() + " to " + e.value() + ": not a value of " + d.describe());
        }
        return new GuidanceEvent(e.id(), e.at(), e.source(), e.action(), e.parameter(), v, e.min(), e.max());
      }
      case NARROW -> {
        if (!(d instanceof NumberDistribution n)) {
          throw new IllegalArgumentException("cannot narrow " + e.parameter() + ": only numbers have a range (it is " + d.describe() + ")");
        }
        if (!(e.min() <= e.max())) {
          throw new IllegalArgumentException("cannot narrow " + e.parameter() + ": min " + e.min() + " is not at most max " + e.max());
        }
        if (e.min() < n.min() || e.max() > n.max()) {
          throw new IllegalArgumentException(
              "cannot narrow " + e.parameter() + " to [" + e.min() + ", " + e.max() + "]: it must stay within its range " + d.describe());
        }
        narrowed(n, e.min(), e.max()); // a grid with no point in the range fails here
        return e;
      }
      default -> {
        return e;
      }
    }
  }

  /** Turns the text a person typed (hypermax guide, the UI) into a value of {@code p}. */
  public static Object parseValue(Parameter p, String text) {
    Distribution d = p.distribution();
    String t = text.trim();
    if (d instanceof CategoricalDistribution c) {
      for (Object v : c.values()) {
        if (String.valueOf(v).equals(t)) {
          return v;
        }
      }
      throw new IllegalArgumentException("cannot lock " + p.path() + " to '" + t + "': it is one of " + c.values());
    }
    try {
      // The one number coercion: 3.5 for an integer stays 3.5, so validate() rejects it instead of a silent 3.
      return typed(d, Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cannot lock " + p.path() + " to '" + t + "': not a number (it is " + d.describe() + ")");
    }
  }

  private static Object typed(Distribution d, Object v) {
    if (v instanceof Number num && (d instanceof ChoiceDistribution || (d instanceof NumberDistribution n && n.integer()))) {
      double x = num.doubleValue();
      if (x != Math.rint(x)) {
        return v;
      }
      return Math.abs(x) < Integer.MAX_VALUE ? (Object) (int) x : (Object) (long) x;
    }
    if (v instanceof Number num && d instanceof NumberDistribution) {
      return num.doubleValue();
    }
    if (d instanceof CategoricalDistribution c && c.indexOf(v) >= 0) {
      return c.values().get(c.indexOf(v));
    }
    return v;
  }

  private static String names(SearchSpace space) {
    List<String> n = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      n.add(p.path());
    }
    return String.join(", ", n);
  }

  /** Applies an event already {@link #validate validated} against the space. */
  public void apply(GuidanceEvent e) {
    if (!appliedIds.add(e.id())) {
      return;
    }
    history.add(e);
    constrained = null;
    constrainedFrom = null;
    String p = e.parameter();
    switch (e.action()) {
      case LOCK -> {
        scrambled.remove(p);
        locks.put(p, e.value());
      }
      case UNLOCK -> {
        locks.remove(p);
        scrambled.remove(p);
        narrowed.remove(p);
      }
      case SCRAMBLE -> {
        locks.remove(p);
        scrambled.add(p);
      }
      case NARROW -> narrowed.put(p, new double[] {e.min(), e.max()});
    }
  }

  /** The space the optimizer sees: locked parameters are constants, narrowed numbers have their narrower range. */
  public SearchSpace constrain(SearchSpace space) {
    if (isEmpty()) {
      return space;
    }
    if (space == constrainedFrom) {
      return constrained;
    }
    List<Parameter> out = new ArrayList<>(space.size());
    for (Parameter p : space.parameters()) {
      Distribution d = p.distribution();
      if (locks.containsKey(p.path())) {
        d = new ConstantDistribution(locks.get(p.path()));
      } else if (narrowed.containsKey(p.path()) && d instanceof NumberDistribution n) {
        double[] r = narrowed.get(p.path());
        d = narrowed(n, r[0], r[1]);
      }
      out.add(d == p.distribution() ? p : new Parameter(p.path(), p.nestedPath(), d, p.condition()));
    }
    constrainedFrom = space;
    constrained = new SearchSpace(out);
    return constrained;
  }

  /** {@code n} within [lo, hi], keeping its grid: the ends move inwards to the nearest grid points. */
  static NumberDistribution narrowed(NumberDistribution n, double lo, double hi) {
    double min = lo;
    double max = hi;
    if (n.step() != null) {
      double anchor = Double.isFinite(n.min()) ? n.min() : 0.0;
      min = anchor + Math.ceil((lo - anchor) / n.step() - 1e-9) * n.step();
      max = anchor + Math.floor((hi - anchor) / n.step() + 1e-9) * n.step();
      if (min > max) {
        throw new IllegalArgumentException("[" + lo + ", " + hi + "] holds no value of " + n.describe());
      }
    }
    return new NumberDistribution(min, max, n.scaling(), n.mode(), n.mean(), n.stddev(), n.step(), n.integer());
  }

  /**
   * A suggestion made over {@link #constrain(SearchSpace)} with the guidance enforced, over the full
   * {@code space}: locked values set, narrowed numbers clamped to their range, scrambled ones drawn
   * from their prior with {@code rng}, then conditions re-applied (a locked choice may switch branch).
   */
  public Assignment enforce(Assignment suggested, SearchSpace space, RandomGenerator rng) {
    if (isEmpty()) {
      return suggested;
    }
    Map<String, Object> values = new LinkedHashMap<>(suggested.values());
    for (Parameter p : space.parameters()) {
      String path = p.path();
      if (locks.containsKey(path)) {
        values.put(path, locks.get(path));
      } else if (scrambled.contains(path)) {
        values.put(path, p.distribution().sample(rng));
      } else if (narrowed.containsKey(path) && p.distribution() instanceof NumberDistribution n && values.get(path) instanceof Number v) {
        double[] r = narrowed.get(path);
        values.put(path, narrowed(n, r[0], r[1]).snap(v.doubleValue()));
      }
    }
    // complete() keeps the values given for active parameters, draws missing active ones, drops inactive ones.
    Assignment done = space.complete(values, rng);
    return done.equals(suggested) ? suggested : done;
  }
}
