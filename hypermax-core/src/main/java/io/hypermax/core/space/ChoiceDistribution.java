package io.hypermax.core.space;

import java.util.List;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * The branch taken at an {@code anyOf}/{@code oneOf} node. Its value is the branch index (an
 * Integer); parameters under branch {@code i} carry a {@link Condition} on this parameter.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ChoiceDistribution(int branches) implements Distribution {

  public ChoiceDistribution {
    if (branches < 1) {
      throw new IllegalArgumentException("a choice needs at least one branch");
    }
  }

  @Override
  public Object sample(RandomGenerator rng) {
    return rng.nextInt(branches);
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.intValue() >= 0
        && n.intValue() < branches;
  }

  @Override
  public double toInternal(Object value) {
    return ((Number) value).intValue();
  }

  @Override
  public Object fromInternal(double internal) {
    return (int) Math.max(0, Math.min(branches - 1, Math.round(internal)));
  }

  @Override
  public double internalLow() {
    return 0;
  }

  @Override
  public double internalHigh() {
    return branches - 1;
  }

  @Override
  public long cardinality() {
    return branches;
  }

  public List<Integer> indices() {
    return java.util.stream.IntStream.range(0, branches).boxed().toList();
  }

  @Override
  public String describe() {
    return "choice of " + branches + " branches";
  }
}
