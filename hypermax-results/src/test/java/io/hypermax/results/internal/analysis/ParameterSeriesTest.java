package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypermax.core.objective.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSeriesTest {
  private static final NumericParameter X = NumericParameter.linear("x");

  /** x = 0..19 with losses chosen so bucket reductions differ: two results per x in 0..9. */
  private static Observations data() {
    Obs o = Obs.minimize();
    for (int i = 0; i < 10; i++) {
      o.add(i, Map.of("x", (double) i));
      o.add(i + 10, Map.of("x", (double) i));
    }
    return o.build(X);
  }

  @Test
  void bucketsReduceWithMinMeanAndMedian() {
    Observations obs = data();
    // x spans 0..9: 3 buckets of width 3: [0,3], (3,6], (6,9]
    var min = ParameterSeries.bucketed(obs, X, ValueKey.LOSS, 1, Reduction.MIN, 3).points();
    var mean = ParameterSeries.bucketed(obs, X, ValueKey.LOSS, 1, Reduction.MEAN, 3).points();
    var median = ParameterSeries.bucketed(obs, X, ValueKey.LOSS, 1, Reduction.MEDIAN, 3).points();
    assertEquals(3, min.size());
    // first bucket holds x = 0..3 → losses 0,1,2,3,10,11,12,13
    assertEquals(0, min.get(0).value());
    assertEquals(6.5, mean.get(0).value());
    assertEquals(6.5, median.get(0).value());
    assertEquals(8, min.get(0).count());
    assertEquals(0, min.get(0).low());
    assertEquals(3, min.get(0).high());
    assertEquals(1.5, min.get(0).x());
    // second bucket: x = 4..6 → losses 4,5,6,14,15,16
    assertEquals(4, min.get(1).value());
    assertEquals(10, mean.get(1).value());
  }

  @Test
  void top10PercentKeepsOnlyTheBestTenthOfResults() {
    Observations obs = data();
    var top = ParameterSeries.raw(obs, X, ValueKey.LOSS, 0.1).points();
    assertEquals(2, top.size());
    assertEquals(List.of(0.0, 1.0), top.stream().map(ParameterSeries.Point::value).toList());
    var all = ParameterSeries.raw(obs, X, ValueKey.LOSS, 1).points();
    assertEquals(20, all.size(), "no result is dropped at 100%");
  }

  @Test
  void top10PercentBucketsSpanOnlyTheSelectedResults() {
    Obs o = Obs.minimize();
    for (int i = 0; i <= 100; i++) {
      o.add(Math.abs(i - 50), Map.of("x", (double) i));
    }
    var s = ParameterSeries.bucketed(o.build(X), X, ValueKey.LOSS, 0.1, Reduction.MIN, 20);
    // best 11 of 101 results: x = 45..55
    assertEquals(45, s.points().get(0).low());
    assertEquals(55, s.points().get(s.points().size() - 1).high());
    assertEquals(11, s.points().stream().mapToInt(ParameterSeries.Point::count).sum());
  }

  @Test
  void whenMaximizingTheBestResultsAreTheLargestLossesAndMinMeansBest() {
    Obs o = new Obs(Direction.MAXIMIZE);
    for (int i = 0; i < 10; i++) {
      o.add(i, Map.of("x", 1.0));
    }
    Observations obs = o.build(X);
    assertEquals(9, ParameterSeries.raw(obs, X, ValueKey.LOSS, 0.1).points().get(0).value());
    assertEquals(9, ParameterSeries.bucketed(obs, X, ValueKey.LOSS, 1, Reduction.MIN, 20).points().get(0).value());
  }

  @Test
  void logParametersBucketInLogSpaceAndTrendFollowsTheCurve() {
    NumericParameter lr = NumericParameter.logarithmic("lr");
    Obs o = Obs.minimize();
    for (int i = 0; i <= 40; i++) {
      double v = Math.pow(10, -4 + i / 10.0);
      o.add(Math.pow(Math.log10(v) + 2, 2), Map.of("lr", v));
    }
    Observations obs = o.build(lr);
    var s = ParameterSeries.bucketed(obs, lr, ValueKey.LOSS, 1, Reduction.MEAN, 4);
    assertEquals(1e-3, s.points().get(0).high(), 1e-12);
    assertEquals(1e-2, s.points().get(1).high(), 1e-12);
    var raw = ParameterSeries.raw(obs, lr, ValueKey.LOSS, 1);
    assertEquals("quadratic", raw.trend().kind());
    assertEquals(0, raw.trend().at(0.01), 1e-6, "a quadratic in log10(lr) is fitted exactly on the log axis");
    assertEquals(4, raw.trend().at(1), 1e-6);
  }
}
