package io.hypermax.core.space;

import java.util.Objects;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/** A fixed value passed to the function; recorded as a column but never optimized. */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ConstantDistribution(Object value) implements Distribution {

  @Override
  public Object sample(RandomGenerator rng) {
    return value;
  }

  @Override
  public boolean contains(Object v) {
    return CategoricalDistribution.same(value, v) || Objects.equals(value, v);
  }

  @Override
  public double toInternal(Object v) {
    return 0;
  }

  @Override
  public Object fromInternal(double internal) {
    return value;
  }

  @Override
  public double internalLow() {
    return 0;
  }

  @Override
  public double internalHigh() {
    return 0;
  }

  @Override
  public boolean isOptimizable() {
    return false;
  }

  @Override
  public long cardinality() {
    return 1;
  }

  @Override
  public String describe() {
    return "constant " + value;
  }
}
