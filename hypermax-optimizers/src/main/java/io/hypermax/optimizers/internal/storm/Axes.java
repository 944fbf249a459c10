package io.hypermax.optimizers.internal.storm;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns each parameter's distribution into an {@link Axis}: value lists keep their order and
 * {@code ordered} flag, a choice of branches is unordered, and a number becomes an ordered list —
 * its rounding grid when that has at most {@code bins} values, otherwise {@code bins} values evenly
 * spaced on its scale (logarithmic for log-scaled numbers, ±3 standard deviations for normal ones).
 * Constants have no axis.
 */
final class Axes {
  private static final MathContext READABLE = new MathContext(4);

  private final int bins;
  private final Map<Distribution, Axis> cache = new ConcurrentHashMap<>();

  Axes(int bins) {
    this.bins = bins;
  }

  /** The axis of {@code p}, or null when it has nothing to choose (a constant). */
  Axis of(Parameter p) {
    Distribution d = p.distribution();
    if (!d.isOptimizable()) {
      return null;
    }
    return cache.computeIfAbsent(d, this::create);
  }

  /**
   * {@code a} with every number moved to the nearest value of its axis, so that trials lie on the
   * lattice StoRM mutates over (and duplicates can be recognised).
   */
  Map<String, Object> onLattice(Assignment a, SearchSpace space) {
    Map<String, Object> out = new LinkedHashMap<>(a.values());
    for (Map.Entry<String, Object> e : out.entrySet()) {
      Parameter p = space.get(e.getKey());
      if (p != null && p.distribution() instanceof NumberDistribution) {
        e.setValue(of(p).nearest(e.getValue()));
      }
    }
    return out;
  }

  private Axis create(Distribution d) {
    if (d instanceof CategoricalDistribution c) {
      return new Axis(d, c.values(), c.ordered());
    }
    if (d instanceof ChoiceDistribution c) {
      return new Axis(d, List.copyOf(c.indices()), false);
    }
    if (d instanceof NumberDistribution n) {
      return new Axis(d, numberValues(n), true);
    }
    throw new IllegalArgumentException("StoRM cannot search " + d.describe());
  }

  private List<Object> numberValues(NumberDistribution n) {
    List<Object> values = new ArrayList<>();
    long grid = n.cardinality();
    if (grid > 0 && grid <= bins) {
      for (long k = 0; k < grid; k++) {
        addDistinct(values, n.snap(n.min() + k * n.step()));
      }
      return values;
    }
    double lo = n.internalLow();
    double hi = n.internalHigh();
    if (n.mode() == NumberDistribution.Mode.NORMAL) {
      double center = n.isLog() ? Math.log(n.mean()) : n.mean();
      lo = Math.max(lo, center - 3 * n.stddev());
      hi = Math.min(hi, center + 3 * n.stddev());
    }
    for (int i = 0; i < bins; i++) {
      // between(...): hi - lo overflows for a range such as [-1e308, 1e308].
      Object v = n.fromInternal(NumberDistribution.between(lo, hi, i / (bins - 1.0)));
      if (n.step() == null && v instanceof Double x && x != 0) {
        // 4 significant digits: 0.0001585 reads better than 1.5848931924611134E-4.
        v = n.snap(new BigDecimal(x).round(READABLE).doubleValue());
      }
      addDistinct(values, v);
    }
    return values;
  }

  private static void addDistinct(List<Object> values, Object v) {
    for (Object x : values) {
      if (((Number) x).doubleValue() == ((Number) v).doubleValue()) {
        return;
      }
    }
    values.add(v);
  }
}
