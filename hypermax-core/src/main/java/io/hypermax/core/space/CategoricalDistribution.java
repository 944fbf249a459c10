package io.hypermax.core.space;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * One value out of a list: a string enum, a boolean, or a define-by-run {@code param(name, values)}.
 * When {@code ordered}, neighbours in the list are considered close (StoRM moves ordered
 * parameters one step); the internal axis is the index either way.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CategoricalDistribution(List<Object> values, boolean ordered) implements Distribution {

  public CategoricalDistribution {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("needs at least one value");
    }
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  public static CategoricalDistribution of(List<?> values) {
    return new CategoricalDistribution(List.copyOf(values), false);
  }

  public static CategoricalDistribution booleans() {
    return new CategoricalDistribution(List.of(false, true), false);
  }

  public int size() {
    return values.size();
  }

  /** Index of {@code value}, comparing numbers by value (1 equals 1.0), or -1. */
  public int indexOf(Object value) {
    for (int i = 0; i < values.size(); i++) {
      if (same(values.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A key that is equal for two values exactly when {@link #same} says so (numbers by value, so 1
   * and 1.0 and -0.0 and 0 collide), for hash-based duplicate checks.
   */
  static Object identity(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return new NumberKey(d == 0 ? 0.0 : d);
    }
    return value;
  }

  /**
   * A number compared by value, hashed well: Double's own hash leaves the low bits zero for values
   * such as 40000.5 (all their bits sit in the high word), and a hash set of 320,000 of them slowed
   * down by a factor of three through collisions.
   */
  private record NumberKey(double value) {
    @Override
    public int hashCode() {
      long bits = Double.doubleToLongBits(value) * 0x9E3779B97F4A7C15L;
      return (int) (bits >>> 32);
    }
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  @Override
  public Object sample(RandomGenerator rng) {
    return values.get(rng.nextInt(values.size()));
  }

  @Override
  public boolean contains(Object value) {
    return indexOf(value) >= 0;
  }

  @Override
  public double toInternal(Object value) {
    int i = indexOf(value);
    if (i < 0) {
      throw new IllegalArgumentException(value + " is not one of " + values);
    }
    return i;
  }

  @Override
  public Object fromInternal(double internal) {
    long i = Math.round(internal);
    return values.get((int) Math.max(0, Math.min(values.size() - 1, i)));
  }

  @Override
  public double internalLow() {
    return 0;
  }

  @Override
  public double internalHigh() {
    return values.size() - 1;
  }

  @Override
  public long cardinality() {
    return values.size();
  }

  @Override
  public String describe() {
    return (ordered ? "ordered " : "") + "one of " + values;
  }
}
