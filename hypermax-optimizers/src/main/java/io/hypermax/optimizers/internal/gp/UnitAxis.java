package io.hypermax.optimizers.internal.gp;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;

/**
 * One parameter on the GP's unit cube, built on the shared internal axis ({@link Distribution#toInternal}: log
 * scaling, rounding and category indices are defined there). Numbers map their internal range linearly to
 * [0, 1]; grids (integers, {@code rounding}, ordered enums) are widened by half a bin at both ends so every grid
 * value owns an equal share of [0, 1]; unordered categories (enums, booleans, the branch of an
 * {@code anyOf}/{@code oneOf}) keep their index and are compared by equality in the kernel.
 */
final class UnitAxis {
  enum Kind {
    CONTINUOUS,
    GRID,
    CATEGORICAL
  }

  /** Where an inactive numeric parameter sits (imputation): the centre, so it neither attracts nor repels. */
  static final double INACTIVE_NUMBER = 0.5;
  /** An inactive categorical is a category of its own, distinct from every real one. */
  static final double INACTIVE_CATEGORY = -1;

  final Parameter parameter;
  final Kind kind;
  /** Number of categories (CATEGORICAL only). */
  final int categories;
  private final Distribution distribution;
  private final double low;
  private final double high;
  private final double width; // infinite for ranges near the limits of a double: encode/decode then work in halves

  private UnitAxis(Parameter p, Kind kind, int categories, double low, double high) {
    this.parameter = p;
    this.distribution = p.distribution();
    this.kind = kind;
    this.categories = categories;
    this.low = low;
    this.high = high;
    this.width = high - low;
  }

  /** The axis of an optimizable parameter, or null when it has a single value (nothing to choose). */
  static UnitAxis of(Parameter p) {
    Distribution d = p.distribution();
    if (d instanceof ChoiceDistribution c) {
      return c.branches() < 2 ? null : new UnitAxis(p, Kind.CATEGORICAL, c.branches(), 0, 1);
    }
    if (d instanceof CategoricalDistribution c) {
      if (c.size() < 2) {
        return null;
      }
      if (c.ordered() && c.size() > 2) {
        return new UnitAxis(p, Kind.GRID, 0, -0.5, c.size() - 0.5);
      }
      return new UnitAxis(p, Kind.CATEGORICAL, c.size(), 0, 1);
    }
    if (!(d instanceof NumberDistribution n)) {
      return null;
    }
    double lo = n.internalLow();
    double hi = n.internalHigh();
    if (n.mode() == NumberDistribution.Mode.NORMAL) {
      // The GP needs a box: an unbounded side of a normal prior is cut at 3 standard deviations.
      double centre = n.isLog() ? Math.log(n.mean()) : n.mean();
      lo = Double.isFinite(lo) ? lo : centre - 3 * n.stddev();
      hi = Double.isFinite(hi) ? hi : centre + 3 * n.stddev();
    }
    if (n.step() == null) {
      return hi > lo ? new UnitAxis(p, Kind.CONTINUOUS, 0, lo, hi) : null;
    }
    double first = n.toInternal(n.fromInternal(lo));
    double last = n.toInternal(n.fromInternal(hi));
    if (!(last > first)) {
      return null;
    }
    return new UnitAxis(p, Kind.GRID, 0, first - halfBin(n, first, -1), last + halfBin(n, last, +1));
  }

  /** Half the internal-axis distance from grid point {@code x} to its neighbour in direction {@code dir}. */
  private static double halfBin(NumberDistribution n, double x, int dir) {
    if (!n.isLog()) {
      return n.step() / 2;
    }
    double v = Math.exp(x);
    double neighbour = v + dir * n.step();
    if (neighbour <= 0) {
      neighbour = v - dir * n.step(); // mirror at the lower end of a log grid
    }
    return Math.abs(Math.log(neighbour) - x) / 2;
  }

  boolean isCategorical() {
    return kind == Kind.CATEGORICAL;
  }

  /** The unit coordinate of a value; the inactive marker for null or illegal values. */
  double encode(Object value) {
    if (value == null || !distribution.contains(value)) {
      return isCategorical() ? INACTIVE_CATEGORY : INACTIVE_NUMBER;
    }
    double internal = distribution.toInternal(value);
    if (isCategorical()) {
      return internal;
    }
    return Double.isFinite(width) ? (internal - low) / width : (internal / 2 - low / 2) / (high / 2 - low / 2);
  }

  /** The legal value at a unit coordinate (categoricals: u in [0, 1) picks category floor(u * k)). */
  Object decode(double u) {
    if (isCategorical()) {
      return distribution.fromInternal(u);
    }
    return distribution.fromInternal(NumberDistribution.between(low, high, Math.max(0, Math.min(1, u))));
  }

  /** A category index for a uniform coordinate in [0, 1). */
  double categoryOf(double uniform) {
    return Math.min(categories - 1, Math.floor(uniform * categories));
  }

  /** The coordinate of the legal value nearest to {@code u} (the identity on continuous axes, clipped). */
  double snap(double u) {
    if (kind == Kind.CONTINUOUS) {
      return Math.max(0, Math.min(1, u));
    }
    return encode(decode(u));
  }

  /** The coordinate of the next grid value above ({@code dir} = 1) or below (-1), or NaN at the end. */
  double neighbour(double u, int dir) {
    double here = snap(u);
    // Grid cells are at most as wide as the widest bin; walk in small steps until the value changes.
    for (double step = 1e-3; step <= 1; step *= 2) {
      double v = snap(here + dir * step);
      if (v != here) {
        return v;
      }
    }
    return Double.NaN;
  }
}
