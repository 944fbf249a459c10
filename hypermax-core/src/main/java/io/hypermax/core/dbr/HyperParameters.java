package io.hypermax.core.dbr;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.NumberDistribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * The parameters of one trial, handed to define-by-run code. Each call returns the trial's value
 * for a parameter; the first call anywhere registers it, later calls must repeat the same
 * definition. The parameters a trial's code asked for are its active parameters; the rest are
 * inactive in it (absent from {@link #values()}, not part of its configuration).
 *
 * <p>A value comes from the optimizer's proposal when it has one for the parameter, otherwise it is
 * drawn from the parameter's prior with the trial's seeded generator.
 *
 * <pre>{@code
 * int batch = hp.param("batch_size", List.of(32, 64, 128, 256), true);   // StoRM style, ordered
 * String act = hp.param("activation", List.of("tanh", "relu", "elu"));
 * if (hp.param("dropout", List.of(true, false))) {
 *   double rate = hp.param("dropout_val", List.of(0.1, 0.2, 0.3), true);  // only active with dropout
 * }
 * double lr = hp.suggestFloat("lr", 1e-4, 1e-1, true);                     // Optuna style
 * }</pre>
 *
 * List values must be strings, numbers, booleans or enum constants (they are journaled as JSON);
 * the value returned is always the caller's own list element.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class HyperParameters {
  private final ParameterRegistry registry;
  private final Map<String, Object> proposal;
  private final RandomGenerator random;
  private final Map<String, Object> active = new LinkedHashMap<>();

  /**
   * @param proposal values proposed for this trial (may lack parameters, may hold inactive ones)
   * @param random draws values the proposal lacks; null when the proposal must be complete (a
   *     planned trial's real run)
   */
  HyperParameters(ParameterRegistry registry, Map<String, Object> proposal, RandomGenerator random) {
    this.registry = Objects.requireNonNull(registry);
    this.proposal = Map.copyOf(proposal);
    this.random = random;
  }

  /** Unordered choice among {@code values}: a StoRM mutation may jump to any other value. */
  public <T> T param(String name, List<T> values) {
    return param(name, values, false);
  }

  /**
   * A choice among {@code values}. When {@code ordered}, neighbours in the list (in the order given,
   * which is never changed) are close: a StoRM mutation moves one step.
   */
  public <T> T param(String name, List<T> values, boolean ordered) {
    checkName(name);
    List<Object> stored = storedValues(name, values);
    CategoricalDistribution registered =
        (CategoricalDistribution) registry.register(name, new CategoricalDistribution(stored, ordered));
    int index = registered.indexOf(valueFor(name, registered));
    return values.get(index);
  }

  /** Optuna's {@code suggest_categorical}: an unordered choice. */
  public <T> T suggestCategorical(String name, List<T> values) {
    return param(name, values, false);
  }

  /** An unordered choice of true or false. */
  public boolean suggestBoolean(String name) {
    return param(name, List.of(false, true), false);
  }

  /** A real number, uniform on [low, high]. */
  public double suggestFloat(String name, double low, double high) {
    return suggestFloat(name, low, high, false);
  }

  /** A real number on [low, high], uniform on the log scale when {@code log} (then low must be > 0). */
  public double suggestFloat(String name, double low, double high, boolean log) {
    checkName(name);
    checkRange(name, low, high);
    if (log && !(low > 0)) {
      throw new IllegalArgumentException(name + ": a logarithmic range needs low > 0, found " + low);
    }
    NumberDistribution d = log ? NumberDistribution.logUniform(low, high) : NumberDistribution.uniform(low, high);
    return ((Number) valueFor(name, registry.register(name, d))).doubleValue();
  }

  /** An integer, uniform on [low, high]. */
  public int suggestInt(String name, int low, int high) {
    return suggestInt(name, low, high, 1);
  }

  /** An integer in {low, low + step, …} up to high. */
  public int suggestInt(String name, int low, int high, int step) {
    checkName(name);
    checkRange(name, low, high);
    if (step < 1) {
      throw new IllegalArgumentException(name + ": step must be at least 1, found " + step);
    }
    NumberDistribution d = NumberDistribution.integer(low, high, step, false);
    return ((Number) valueFor(name, registry.register(name, d))).intValue();
  }

  /** The values of the parameters asked for so far in this trial (its active parameters), by name. */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(active);
  }

  /** The value of an active parameter, as journaled (enum constants by name); null when inactive. */
  public Object get(String name) {
    return active.get(name);
  }

  public boolean isActive(String name) {
    return active.containsKey(name);
  }

  private Object valueFor(String name, Distribution d) {
    Object chosen = active.get(name);
    if (chosen != null) {
      return chosen;
    }
    Object proposed = proposal.get(name);
    if (proposed != null && d.contains(proposed)) {
      // Keep the registered form (e.g. 64 rather than 64.0 read back from JSON).
      chosen =
          d instanceof CategoricalDistribution c
              ? c.values().get(c.indexOf(proposed))
              : ((NumberDistribution) d).snap(((Number) proposed).doubleValue());
    } else if (random != null) {
      chosen = d.sample(random);
    } else {
      throw new IllegalStateException(
          "parameter '"
              + name
              + "' was not asked for when this trial was planned; the build function must ask for the same"
              + " parameters whenever it gets the same values (no randomness or outside state in it)");
    }
    active.put(name, chosen);
    return chosen;
  }

  private static List<Object> storedValues(String name, List<?> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(name + ": give at least one value");
    }
    List<Object> stored = new ArrayList<>(values.size());
    for (Object v : values) {
      Object s = v instanceof Enum<?> e ? e.name() : v;
      if (!(s instanceof String || s instanceof Number || s instanceof Boolean)) {
        throw new IllegalArgumentException(
            name + ": values must be strings, numbers, booleans or enum constants, found " + v);
      }
      stored.add(s);
    }
    CategoricalDistribution check = new CategoricalDistribution(stored, false);
    for (int i = 0; i < stored.size(); i++) {
      if (check.indexOf(stored.get(i)) != i) {
        throw new IllegalArgumentException(name + ": duplicate value " + values.get(i) + " in " + values);
      }
    }
    return stored;
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank() || name.startsWith("$")) {
      throw new IllegalArgumentException("a parameter name must be non-empty and not start with '$', found '" + name + "'");
    }
  }

  private static void checkRange(String name, double low, double high) {
    if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
      throw new IllegalArgumentException(name + ": need finite low <= high, found [" + low + ", " + high + "]");
    }
  }
}
