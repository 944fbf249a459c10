package io.hypermax.results.internal.analysis;

import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import io.hypermax.core.stability.API;

/**
 * A least-squares polynomial of the value against the parameter's axis (ln x for logarithmic
 * parameters): quadratic when there are at least 4 distinct x values (hyperparameters usually have
 * a sweet spot, which a line cannot show), a line with 2 or 3, none otherwise.
 *
 * @param coefficients c0, c1[, c2] of c0 + c1·u + c2·u², or empty when there is no trend
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Trend(boolean log, double[] coefficients) {

  public static Trend fit(double[] x, double[] y, boolean log) {
    int distinct = Buckets.distinct(x);
    if (distinct < 2) {
      return new Trend(log, new double[0]);
    }
    WeightedObservedPoints pts = new WeightedObservedPoints();
    for (int i = 0; i < x.length; i++) {
      pts.add(axis(x[i], log), y[i]);
    }
    int degree = distinct >= 4 ? 2 : 1;
    try {
      double[] c = PolynomialCurveFitter.create(degree).fit(pts.toList());
      for (double v : c) {
        if (!Double.isFinite(v)) {
          return new Trend(log, new double[0]);
        }
      }
      return new Trend(log, c);
    } catch (RuntimeException e) {
      return new Trend(log, new double[0]);
    }
  }

  private static double axis(double x, boolean log) {
    return log && x > 0 ? Math.log(x) : x;
  }

  public boolean exists() {
    return coefficients.length > 0;
  }

  /** "quadratic", "linear" or "none". */
  public String kind() {
    return switch (coefficients.length) {
      case 3 -> "quadratic";
      case 2 -> "linear";
      default -> "none";
    };
  }

  public double at(double x) {
    double u = axis(x, log);
    double v = 0;
    double pow = 1;
    for (double c : coefficients) {
      v += c * pow;
      pow *= u;
    }
    return exists() ? v : Double.NaN;
  }
}
