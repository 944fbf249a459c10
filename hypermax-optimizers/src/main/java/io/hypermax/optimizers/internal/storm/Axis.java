package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Distribution;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The finite list of values StoRM moves a parameter along. An ordered axis moves one step to a
 * neighbour (bouncing at the ends); an unordered one jumps to any other value.
 */
record Axis(Distribution distribution, List<Object> values, boolean ordered) {

  Axis {
    values = List.copyOf(values);
  }

  int size() {
    return values.size();
  }

  /** Whether a mutation can change the value at all. */
  boolean isMutable() {
    return values.size() >= 2;
  }

  /** The index of {@code value}, or of the nearest value on the internal axis when it is not on the list. */
  int nearestIndex(Object value) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    double position = positionOf(value);
    for (int i = 0; i < values.size(); i++) {
      double d = Math.abs(positionOf(values.get(i)) - position);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  private double positionOf(Object value) {
    try {
      return distribution.toInternal(value);
    } catch (RuntimeException notALegalValue) {
      return Double.NaN;
    }
  }

  /** The nearest value on this axis. */
  Object nearest(Object value) {
    return values.get(nearestIndex(value));
  }

  /** One mutation of {@code current}: ±1 step when ordered, any other value when not. */
  Object mutate(Object current, RandomGenerator random) {
    int n = values.size();
    if (n < 2) {
      return current;
    }
    int i = nearestIndex(current);
    int j;
    if (ordered) {
      j = i == 0 ? 1 : i == n - 1 ? n - 2 : i + (random.nextBoolean() ? -1 : 1);
    } else {
      // The original could "mutate" to the same value (a wasted step); always pick a different one.
      j = random.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
    }
    return values.get(j);
  }
}
