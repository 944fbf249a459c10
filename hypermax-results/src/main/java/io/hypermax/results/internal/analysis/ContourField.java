package io.hypermax.results.internal.analysis;

import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The loss surface over two numeric parameters for a contour chart: a Gaussian-kernel weighted mean of the trials'
 * losses (Nadaraya–Watson regression) on a {@value #GRID}×{@value #GRID} grid over the range the trials span, on each
 * parameter's search scale (ln x for logarithmic ones). Where the trials are too sparse (the kernel weights near a grid
 * point sum to less than {@value #MIN_DENSITY}, i.e. no trial within about 1.5 bandwidths), the field is NaN and is
 * not drawn: the chart shows only what the trials support, never an extrapolation. Losses are averaged on the
 * {@link LossScale} (in log space when they span decades), so one diverged trial does not tint its whole neighbourhood.
 *
 * @param xs grid coordinates along x, in parameter units
 * @param ys grid coordinates along y, in parameter units
 * @param values values[i][j] at (xs[i], ys[j]): a loss, or NaN where there are too few trials
 * @param points the trials drawn over the field: {x, y, loss}
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ContourField(
    NumericParameter x, NumericParameter y, double[] xs, double[] ys, double[][] values, List<double[]> points, LossScale scale) {

  public static final int GRID = 48;
  public static final double MIN_DENSITY = 0.3;
  /** Bandwidth as a fraction of each axis's span; wider for few trials (Scott's rule in 2-d, n^(−1/6)). */
  static final double BANDWIDTH = 0.15;

  public static ContourField compute(Observations obs, NumericParameter x, NumericParameter y) {
    List<Observation> rows = obs.withNumbers(ValueKey.LOSS, x.path(), y.path());
    int n = rows.size();
    double[] u = new double[n];
    double[] v = new double[n];
    double[] loss = new double[n];
    List<double[]> points = new java.util.ArrayList<>();
    for (int k = 0; k < n; k++) {
      Observation o = rows.get(k);
      u[k] = axis(o.number(x.path()), x);
      v[k] = axis(o.number(y.path()), y);
      loss[k] = o.loss();
      points.add(new double[] {o.number(x.path()), o.number(y.path()), o.loss()});
    }
    LossScale scale = LossScale.of(loss);
    double[] z = new double[n];
    for (int k = 0; k < n; k++) {
      z[k] = scale.log() ? Math.log(loss[k]) : loss[k];
    }
    double u0 = Stats.min(u);
    double u1 = Stats.max(u);
    double v0 = Stats.min(v);
    double v1 = Stats.max(v);
    double h = BANDWIDTH * Math.pow(Math.max(n, 1), -1.0 / 6) / Math.pow(10, -1.0 / 6);
    double hu = Math.max(h * (u1 - u0), 1e-12);
    double hv = Math.max(h * (v1 - v0), 1e-12);
    double[] xs = new double[GRID];
    double[] ys = new double[GRID];
    double[][] values = new double[GRID][GRID];
    for (int i = 0; i < GRID; i++) {
      xs[i] = fromAxis(u0 + (u1 - u0) * i / (GRID - 1), x);
      ys[i] = fromAxis(v0 + (v1 - v0) * i / (GRID - 1), y);
    }
    for (int i = 0; i < GRID; i++) {
      double gu = u0 + (u1 - u0) * i / (GRID - 1);
      for (int j = 0; j < GRID; j++) {
        double gv = v0 + (v1 - v0) * j / (GRID - 1);
        double wsum = 0;
        double zsum = 0;
        for (int k = 0; k < n; k++) {
          double du = (u[k] - gu) / hu;
          double dv = (v[k] - gv) / hv;
          double w = Math.exp(-0.5 * (du * du + dv * dv));
          wsum += w;
          zsum += w * z[k];
        }
        if (wsum < MIN_DENSITY) {
          values[i][j] = Double.NaN;
        } else {
          double m = zsum / wsum;
          values[i][j] = scale.log() ? Math.exp(m) : m;
        }
      }
    }
    return new ContourField(x, y, xs, ys, values, List.copyOf(points), scale);
  }

  private static double axis(double value, NumericParameter p) {
    return p.log() && value > 0 ? Math.log(value) : value;
  }

  private static double fromAxis(double a, NumericParameter p) {
    return p.log() ? Math.exp(a) : a;
  }

  /** Share of grid points the field covers (the rest had too few trials nearby). */
  public double coverage() {
    int drawn = 0;
    for (double[] col : values) {
      for (double d : col) {
        if (!Double.isNaN(d)) {
          drawn++;
        }
      }
    }
    return drawn / (double) (GRID * GRID);
  }
}
