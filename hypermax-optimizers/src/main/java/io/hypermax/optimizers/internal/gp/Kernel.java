package io.hypermax.optimizers.internal.gp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import io.hypermax.core.stability.API;

/**
 * Unit-variance stationary kernels as functions of the scaled squared distance
 * {@code s = sum_j lambda_j * d_j^2} ({@code lambda_j} the inverse squared length scale of dimension j;
 * for a categorical dimension {@code d_j^2} is 0 for equal and 1 for different categories).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Kernel {
  /** Matérn with nu = 5/2: {@code (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)}, r = sqrt(s). Twice differentiable. */
  MATERN52 {
    @Override
    double value(double s) {
      double r = Math.sqrt(s);
      return (1 + SQRT5 * r + 5.0 / 3.0 * s) * Math.exp(-SQRT5 * r);
    }

    @Override
    double derivative(double s) {
      // d/ds of the above: -(5/6) (1 + sqrt5 r) exp(-sqrt5 r); finite at s = 0, so no special case.
      double r = Math.sqrt(s);
      return -5.0 / 6.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    @Override
    double valueAndDerivative(double s, double[] derivative, int at) {
      double r = Math.sqrt(s);
      double e = Math.exp(-SQRT5 * r);
      derivative[at] = -5.0 / 6.0 * (1 + SQRT5 * r) * e;
      return (1 + SQRT5 * r + 5.0 / 3.0 * s) * e;
    }
  },
  /** Squared exponential {@code exp(-s/2)}: smoother; offered for comparison. */
  RBF {
    @Override
    double value(double s) {
      return Math.exp(-0.5 * s);
    }

    @Override
    double derivative(double s) {
      return -0.5 * Math.exp(-0.5 * s);
    }
  };

  private static final double SQRT5 = Math.sqrt(5);

  /** k(s) with k(0) = 1. */
  abstract double value(double s);

  /** dk/ds. */
  abstract double derivative(double s);

  /** k(s), with dk/ds written to {@code derivative[at]}: one exponential instead of two in the hot loops. */
  double valueAndDerivative(double s, double[] derivative, int at) {
    derivative[at] = derivative(s);
    return value(s);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Set<String> keys() {
    return Arrays.stream(values()).map(Kernel::key).collect(Collectors.toSet());
  }
}
