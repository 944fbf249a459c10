package io.hypermax.optimizers.internal.gp;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximises the acquisition over the space: a randomly shifted Sobol set of candidates (space-filling in the
 * unit cube, the shift drawn from the suggestion's generator), each rounded to legal values and completed
 * through the space's conditions, then local refinement of the best few and of the best trial: L-BFGS on the
 * active continuous dimensions, and a neighbour search on grids (integers, rounding: 1, 2, 4, ... grid steps
 * either way) and over all values of each categorical, repeated while it improves. The acquisition is only
 * ever evaluated at legal, rounded points.
 */
final class AcquisitionSearch {
  private static final int ROUNDS = 3;
  private static final int GRADIENT_ITERATIONS = 20;
  private static final int MAX_CATEGORIES_TRIED = 32;

  private final UnitCube cube;
  private final SearchSpace space;
  private final Acquisition acquisition;
  private final RandomGenerator rng;

  AcquisitionSearch(UnitCube cube, Acquisition acquisition, RandomGenerator rng) {
    this.cube = cube;
    this.space = cube.space;
    this.acquisition = acquisition;
    this.rng = rng;
  }

  /** A point of the space: its unit coordinates, which dimensions are active, and its acquisition value. */
  record Point(double[] x, boolean[] active, double value, Map<String, Object> values) {}

  /** The best point found, starting also from {@code incumbents} (e.g. the best trial). */
  Point maximise(int candidates, int localSearches, List<Map<String, Object>> incumbents) {
    int d = cube.dimensions();
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
    sobol.nextVector(); // the first Sobol point is the corner 0
    double[] shift = new double[d];
    for (int j = 0; j < d; j++) {
      shift[j] = rng.nextDouble();
    }
    List<Map<String, Object>> assignments = new ArrayList<>();
    double[][] xs = new double[candidates][];
    for (int c = 0; c < candidates; c++) {
      double[] u = sobol.nextVector();
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        double v = u[j] + shift[j];
        v -= Math.floor(v);
        UnitAxis a = cube.axes.get(j);
        x[j] = a.isCategorical() ? a.categoryOf(v) : a.snap(v);
      }
      Map<String, Object> values = space.complete(cube.decode(x), rng).values();
      assignments.add(values);
      xs[c] = cube.encode(values);
    }
    double[] scores = acquisition.values(xs);
    List<Point> pool = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      pool.add(new Point(xs[c], cube.active(assignments.get(c)), scores[c], assignments.get(c)));
    }
    pool.sort(Comparator.comparingDouble(Point::value).reversed());
    List<Point> starts = new ArrayList<>(pool.subList(0, Math.min(localSearches, pool.size())));
    for (Map<String, Object> values : incumbents) {
      starts.add(at(values));
    }
    Point best = pool.get(0);
    for (Point start : starts) {
      Point p = refine(start);
      if (p.value() > best.value()) {
        best = p;
      }
    }
    return best;
  }

  /** The point a vector leads to once rounded and completed through the space's conditions. */
  Point legal(double[] x) {
    Assignment a = space.complete(cube.decode(x), rng);
    return at(a.values());
  }

  private Point at(Map<String, Object> values) {
    double[] x = cube.encode(values);
    return new Point(x, cube.active(values), acquisition.value(x), values);
  }

  private Point refine(Point start) {
    Point current = start;
    for (int round = 0; round < ROUNDS; round++) {
      double before = current.value();
      current = gradientStep(current);
      current = neighbourSearch(current);
      if (!(current.value() > before + 1e-9)) {
        break;
      }
    }
    return current;
  }

  private Point gradientStep(Point p) {
    int d = p.x().length;
    boolean[] free = new boolean[d];
    boolean any = false;
    for (int j = 0; j < d; j++) {
      free[j] = p.active()[j] && cube.axes.get(j).kind == UnitAxis.Kind.CONTINUOUS;
      any |= free[j];
    }
    if (!any) {
      return p;
    }
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int j = 0; j < d; j++) {
      lo[j] = free[j] ? 0 : p.x()[j];
      hi[j] = free[j] ? 1 : p.x()[j];
    }
    Lbfgs.Result r =
        Lbfgs.minimize(
            (x, g) -> {
              double v = acquisition.valueAndGradient(x, free, g);
              for (int j = 0; j < d; j++) {
                g[j] = -g[j];
              }
              return -v;
            },
            p.x(), lo, hi, GRADIENT_ITERATIONS, 1e-5);
    if (!(-r.value() > p.value())) {
      return p;
    }
    Point moved = legal(r.x());
    return moved.value() > p.value() ? moved : p;
  }

  private Point neighbourSearch(Point p) {
    Point best = p;
    for (int j = 0; j < best.x().length; j++) {
      if (!best.active()[j]) {
        continue;
      }
      UnitAxis a = cube.axes.get(j);
      if (a.kind == UnitAxis.Kind.GRID) {
        best = gridSearch(best, j, a);
      } else if (a.isCategorical()) {
        best = categorySearch(best, j, a);
      }
    }
    return best;
  }

  private Point gridSearch(Point p, int j, UnitAxis a) {
    Point best = p;
    for (int dir = -1; dir <= 1; dir += 2) {
      double near = a.neighbour(p.x()[j], dir);
      if (Double.isNaN(near)) {
        continue;
      }
      double step = Math.abs(near - p.x()[j]);
      for (double k = 1; k * step <= 1; k *= 2) {
        double[] x = best.x().clone();
        x[j] = a.snap(p.x()[j] + dir * k * step);
        if (x[j] == best.x()[j]) {
          continue;
        }
        Point q = legal(x);
        if (q.value() > best.value()) {
          best = q;
        }
      }
    }
    return best;
  }

  private Point categorySearch(Point p, int j, UnitAxis a) {
    Point best = p;
    int k = a.categories;
    for (int t = 0; t < Math.min(k, MAX_CATEGORIES_TRIED); t++) {
      int c = k <= MAX_CATEGORIES_TRIED ? t : rng.nextInt(k);
      if (c == p.x()[j]) {
        continue;
      }
      double[] x = p.x().clone();
      x[j] = c;
      Point q = legal(x);
      if (q.value() > best.value()) {
        best = q;
      }
    }
    return best;
  }
}
