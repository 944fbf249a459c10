package io.hypermax.results.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The points of one single-parameter chart: either every result (x = the parameter's value) or
 * one point per non-empty bucket (x = the bucket centre, value = the bucket's reduced value), and
 * the trend fitted through those points.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ParameterSeries(NumericParameter parameter, ValueKey key, List<Point> points, Trend trend) {

  /**
   * @param trial the trial number for raw points, -1 for buckets
   * @param low lower bucket edge (NaN for raw points)
   * @param high upper bucket edge (NaN for raw points)
   */
  public record Point(double x, double value, int count, double low, double high, int trial) {}

  /** Every result among the best {@code fraction} (by loss, or by time for time charts). */
  public static ParameterSeries raw(Observations obs, NumericParameter p, ValueKey key, double fraction) {
    List<Observation> selected = Observations.best(obs.withNumbers(key, p.path()), fraction, o -> o.badness(key));
    List<Point> points = new ArrayList<>();
    for (Observation o : selected) {
      points.add(new Point(o.number(p.path()), o.value(key), 1, Double.NaN, Double.NaN, o.trial()));
    }
    points.sort(Comparator.comparingDouble(Point::x).thenComparingInt(Point::trial));
    return withTrend(p, key, points);
  }

  /**
   * The best {@code fraction} of results grouped into {@code bucketCount} buckets spanning the
   * selected results' values (so a top-10% chart zooms in on where the best results are).
   */
  public static ParameterSeries bucketed(
      Observations obs, NumericParameter p, ValueKey key, double fraction, Reduction reduction, int bucketCount) {
    List<Observation> selected = Observations.best(obs.withNumbers(key, p.path()), fraction, o -> o.badness(key));
    List<Point> points = new ArrayList<>();
    if (!selected.isEmpty()) {
      double[] xs = selected.stream().mapToDouble(o -> o.number(p.path())).toArray();
      Buckets buckets = Buckets.compute(xs, p, bucketCount);
      List<List<Observation>> groups = new ArrayList<>();
      for (int i = 0; i < buckets.count(); i++) {
        groups.add(new ArrayList<>());
      }
      for (Observation o : selected) {
        int b = buckets.indexOf(o.number(p.path()));
        if (b >= 0) {
          groups.get(b).add(o);
        }
      }
      for (int i = 0; i < buckets.count(); i++) {
        List<Observation> g = groups.get(i);
        if (g.isEmpty()) {
          continue;
        }
        double[] values = g.stream().mapToDouble(o -> o.value(key)).toArray();
        double[] badness = g.stream().mapToDouble(o -> o.badness(key)).toArray();
        points.add(
            new Point(
                buckets.center(i, p.log()), reduction.reduce(values, badness), g.size(), buckets.low(i), buckets.high(i), -1));
      }
    }
    return withTrend(p, key, points);
  }

  /** The buckets {@link #bucketed} uses for these arguments (for titles: how many there really are), or null. */
  public static Buckets bucketsFor(Observations obs, NumericParameter p, ValueKey key, double fraction, int bucketCount) {
    List<Observation> selected = Observations.best(obs.withNumbers(key, p.path()), fraction, o -> o.badness(key));
    if (selected.isEmpty()) {
      return null;
    }
    return Buckets.compute(selected.stream().mapToDouble(o -> o.number(p.path())).toArray(), p, bucketCount);
  }

  private static ParameterSeries withTrend(NumericParameter p, ValueKey key, List<Point> points) {
    double[] x = points.stream().mapToDouble(Point::x).toArray();
    double[] y = points.stream().mapToDouble(Point::value).toArray();
    return new ParameterSeries(p, key, List.copyOf(points), Trend.fit(x, y, p.log()));
  }

  public double[] xs() {
    return points.stream().mapToDouble(Point::x).toArray();
  }

  public double[] values() {
    return points.stream().mapToDouble(Point::value).toArray();
  }
}
