package io.hypermax.optimizers.internal.tpe;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;

/**
 * How TPE models one parameter: a continuous axis (linear or log), a grid on such an axis (rounded,
 * integer and ordered values: each grid point owns the bin between the midpoints to its neighbours),
 * or unordered categories (enums, booleans, the branch of a choice).
 */
final class Dimension {
  enum Kind {
    CONTINUOUS,
    GRID,
    CATEGORICAL
  }

  final Parameter parameter;
  final Kind kind;
  /** Kernel support on the axis; grids are widened by half a bin at both ends. */
  final double low;
  final double high;
  final double priorMu;
  final double priorSigma;
  /** Largest bandwidth; smaller ones are fractions of it. */
  final double scale;
  final int categories;
  private final Distribution distribution;
  private final double step;
  private final boolean logGrid;
  /**
   * Axis units per internal unit: 1, or a power of two below 1 for ranges near the limits of a
   * double (min -1e308, max 1e308), whose width, midpoint and kernel distances would otherwise
   * overflow to infinity. A power of two scales exactly.
   */
  private final double unit;

  private Dimension(Parameter p, Kind kind, double low, double high, double priorMu, double priorSigma,
      double scale, int categories, double step, boolean logGrid, double unit) {
    this.parameter = p;
    this.distribution = p.distribution();
    this.kind = kind;
    this.low = low;
    this.high = high;
    this.priorMu = priorMu;
    this.priorSigma = priorSigma;
    this.scale = scale;
    this.categories = categories;
    this.step = step;
    this.logGrid = logGrid;
    this.unit = unit;
  }

  /** The model of an optimizable parameter. */
  static Dimension of(Parameter p) {
    Distribution d = p.distribution();
    if (d instanceof ChoiceDistribution c) {
      return categorical(p, c.branches());
    }
    if (d instanceof CategoricalDistribution c) {
      if (c.ordered() && c.size() > 2) {
        double lo = -0.5;
        double hi = c.size() - 0.5;
        return new Dimension(p, Kind.GRID, lo, hi, (lo + hi) / 2, hi - lo, hi - lo, 0, 1, false, 1);
      }
      return categorical(p, c.size());
    }
    NumberDistribution n = (NumberDistribution) d;
    boolean normal = n.mode() == NumberDistribution.Mode.NORMAL;
    double lo = n.internalLow();
    double hi = n.internalHigh();
    double step = n.step() == null ? 0 : n.step();
    Kind kind = step > 0 ? Kind.GRID : Kind.CONTINUOUS;
    if (kind == Kind.GRID) {
      // The same bins as the prior's draws: each grid point owns the same width, the ends included.
      if (Double.isFinite(lo)) {
        lo = n.gridLowEdge();
      }
      if (Double.isFinite(hi)) {
        hi = n.gridHighEdge();
      }
    }
    double unit = unitFor(lo, hi, normal ? n.mean() : 0, normal ? n.stddev() : 0);
    lo *= unit;
    hi *= unit;
    double mu;
    double sigma;
    if (normal) {
      mu = (n.isLog() ? Math.log(n.mean()) : n.mean()) * unit;
      sigma = n.stddev() * unit;
    } else {
      mu = lo / 2 + hi / 2;
      sigma = hi - lo;
    }
    return new Dimension(p, kind, lo, hi, mu, sigma, sigma, 0, step * unit, n.isLog(), unit);
  }

  private static Dimension categorical(Parameter p, int k) {
    return new Dimension(p, Kind.CATEGORICAL, 0, k - 1, 0, 0, 0, k, 0, false, 1);
  }

  /** 1 for ordinary ranges; 2^-4 when a width or distance on the axis could overflow a double. */
  private static double unitFor(double lo, double hi, double mean, double stddev) {
    double largest = 0;
    for (double v : new double[] {lo, hi, mean, stddev}) {
      if (Double.isFinite(v)) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    return largest > 0x1p1020 ? 0x1p-4 : 1;
  }

  /** Half the axis distance from grid point {@code x} to its neighbour in direction {@code dir}. */
  private static double halfBin(NumberDistribution n, double x, int dir) {
    double step = n.step();
    if (!n.isLog()) {
      return step / 2;
    }
    double v = Math.exp(x);
    double neighbour = v + dir * step;
    if (neighbour <= 0) {
      neighbour = v - dir * step; // mirror at the lower end of a log grid
    }
    return Math.abs(Math.log(neighbour) - x) / 2;
  }

  /** True when there is nothing to choose (a single value). */
  boolean isDegenerate() {
    return kind == Kind.CATEGORICAL ? categories < 2 : !(high > low);
  }

  /** Position of a legal value on the axis (category index for categoricals), NaN when not legal. */
  double encode(Object value) {
    if (value == null || !distribution.contains(value)) {
      return Double.NaN;
    }
    return distribution.toInternal(value) * unit;
  }

  /** The legal value at (or nearest to) an axis position. */
  Object decode(double x) {
    return distribution.fromInternal(x / unit);
  }

  /** Snaps an axis position to the position of the legal value it decodes to. */
  double snap(double x) {
    return kind == Kind.CONTINUOUS ? Math.max(low, Math.min(high, x)) : distribution.toInternal(decode(x)) * unit;
  }

  /** Lower edge of the bin owned by grid point {@code x}. */
  double binLow(double x) {
    return logGrid ? x - halfBin((NumberDistribution) distribution, x, -1) : x - step / 2;
  }

  /** Upper edge of the bin owned by grid point {@code x}. */
  double binHigh(double x) {
    return logGrid ? x + halfBin((NumberDistribution) distribution, x, +1) : x + step / 2;
  }
}
