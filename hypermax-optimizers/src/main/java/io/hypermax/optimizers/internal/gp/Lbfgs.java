package io.hypermax.optimizers.internal.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS with box constraints by projection (the bound-constrained variant in the spirit of
 * L-BFGS-B: variables at a bound with the gradient pushing outwards are frozen for the step). No Java library
 * in the build offers L-BFGS(-B) — commons-math3 has conjugate gradients, BOBYQA and CMA-ES — so this small
 * implementation (two-loop recursion, Armijo backtracking) is here; {@code LbfgsTest} checks it on Rosenbrock.
 */
final class Lbfgs {
  /** f(x); writes the gradient into {@code grad}. May return a non-finite value for an infeasible x. */
  interface Objective {
    double evaluate(double[] x, double[] grad);
  }

  record Result(double[] x, double value, int evaluations) {}

  private static final int MEMORY = 8;

  private Lbfgs() {}

  static Result minimize(Objective f, double[] x0, double[] lo, double[] hi, int maxIterations, double gtol) {
    int m = x0.length;
    double[] x = x0.clone();
    clamp(x, lo, hi);
    double[] g = new double[m];
    double fx = f.evaluate(x, g);
    int evaluations = 1;
    if (!Double.isFinite(fx)) {
      return new Result(x, fx, evaluations);
    }
    Deque<double[][]> memory = new ArrayDeque<>();
    double[] xNew = new double[m];
    double[] gNew = new double[m];
    for (int iter = 0; iter < maxIterations; iter++) {
      boolean[] free = freeVariables(x, g, lo, hi);
      double pgMax = 0;
      for (int i = 0; i < m; i++) {
        if (free[i]) {
          pgMax = Math.max(pgMax, Math.abs(g[i]));
        }
      }
      if (pgMax < gtol) {
        break;
      }
      double[] d = direction(g, free, memory);
      double slope = dot(d, g);
      if (!(slope < 0)) {
        memory.clear();
        d = direction(g, free, memory);
        slope = dot(d, g);
      }
      double t = memory.isEmpty() ? Math.min(1, 1 / pgMax) : 1;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int k = 0; k < 30; k++) {
        for (int i = 0; i < m; i++) {
          xNew[i] = x[i] + t * d[i];
        }
        clamp(xNew, lo, hi);
        fNew = f.evaluate(xNew, gNew);
        evaluations++;
        double decrease = 0;
        for (int i = 0; i < m; i++) {
          decrease += g[i] * (xNew[i] - x[i]);
        }
        if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * decrease) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        break;
      }
      double[] s = new double[m];
      double[] y = new double[m];
      double sy = 0;
      for (int i = 0; i < m; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
        sy += s[i] * y[i];
      }
      if (sy > 1e-12) {
        memory.addLast(new double[][] {s, y, {1 / sy}});
        if (memory.size() > MEMORY) {
          memory.removeFirst();
        }
      }
      boolean stalled = Math.abs(fx - fNew) <= 1e-12 * Math.max(1, Math.abs(fx));
      System.arraycopy(xNew, 0, x, 0, m);
      System.arraycopy(gNew, 0, g, 0, m);
      fx = fNew;
      if (stalled) {
        break;
      }
    }
    return new Result(x, fx, evaluations);
  }

  /** Variables not held at a bound by a gradient that points outwards. */
  private static boolean[] freeVariables(double[] x, double[] g, double[] lo, double[] hi) {
    boolean[] free = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      free[i] = !((x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0));
    }
    return free;
  }

  /** -H g on the free variables by the two-loop recursion (H the L-BFGS inverse Hessian approximation). */
  private static double[] direction(double[] g, boolean[] free, Deque<double[][]> memory) {
    int m = g.length;
    double[] q = new double[m];
    for (int i = 0; i < m; i++) {
      q[i] = free[i] ? g[i] : 0;
    }
    double[] alpha = new double[memory.size()];
    Object[] entries = memory.toArray();
    for (int k = entries.length - 1; k >= 0; k--) {
      double[][] e = (double[][]) entries[k];
      alpha[k] = e[2][0] * maskedDot(e[0], q, free);
      for (int i = 0; i < m; i++) {
        if (free[i]) {
          q[i] -= alpha[k] * e[1][i];
        }
      }
    }
    if (entries.length > 0) {
      double[][] last = (double[][]) entries[entries.length - 1];
      double yy = maskedDot(last[1], last[1], free);
      double gamma = yy > 0 ? 1 / (last[2][0] * yy) : 1;
      for (int i = 0; i < m; i++) {
        q[i] *= gamma;
      }
    }
    for (int k = 0; k < entries.length; k++) {
      double[][] e = (double[][]) entries[k];
      double beta = e[2][0] * maskedDot(e[1], q, free);
      for (int i = 0; i < m; i++) {
        if (free[i]) {
          q[i] += (alpha[k] - beta) * e[0][i];
        }
      }
    }
    for (int i = 0; i < m; i++) {
      q[i] = free[i] ? -q[i] : 0;
    }
    return q;
  }

  private static double maskedDot(double[] a, double[] b, boolean[] free) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (free[i]) {
        s += a[i] * b[i];
      }
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void clamp(double[] x, double[] lo, double[] hi) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(lo[i], Math.min(hi[i], x[i]));
    }
  }
}
