package io.hypermax.results.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * The two-parameter scatter: one point per distinct (p1, p2) pair among the best {@code fraction}
 * of results, holding the pair's best loss. Colour: the loss's position on the viridis {@link LossScale} (log when
 * the losses span decades); size: large for the best points, shrinking to small at the 90th percentile of badness
 * (the original's rule). Points are ordered worst first so the best ones are drawn on top.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record PairScatter(NumericParameter x, NumericParameter y, List<Point> points, ColorStops stops) {

  /** @param color position of the loss on the colour scale, 0 lowest .. 1 highest; @param size marker diameter in pixels */
  public record Point(double x, double y, double loss, int count, double color, double size) {}

  public static final double MIN_SIZE = 5;
  public static final double MAX_SIZE = 17;

  public static PairScatter compute(Observations obs, NumericParameter x, NumericParameter y, double fraction) {
    List<Observation> selected =
        Observations.best(obs.withNumbers(ValueKey.LOSS, x.path(), y.path()), fraction, Observation::score);
    Map<List<Double>, List<Observation>> byPair = new LinkedHashMap<>();
    for (Observation o : selected) {
      byPair.computeIfAbsent(List.of(o.number(x.path()), o.number(y.path())), k -> new ArrayList<>()).add(o);
    }
    List<Observation> bestOfPair = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (List<Observation> group : byPair.values()) {
      bestOfPair.add(group.stream().min(Comparator.comparingDouble(Observation::score)).orElseThrow());
      counts.add(group.size());
    }
    double[] badness = bestOfPair.stream().mapToDouble(Observation::score).toArray();
    ColorStops stops = ColorStops.percentiles(badness);
    double min = Stats.min(badness);
    double max = Stats.max(badness);
    LossScale scale = LossScale.of(bestOfPair.stream().mapToDouble(Observation::loss).toArray());
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < bestOfPair.size(); i++) {
      Observation o = bestOfPair.get(i);
      double c = ColorStops.position(badness[i], min, max);
      double shrink = stops.red() > 0 ? Math.min(1, c * c / (stops.red() * stops.red())) : (c > 0 ? 1 : 0);
      double size = max > min ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (1 - shrink) : (MIN_SIZE + MAX_SIZE) / 2;
      points.add(new Point(o.number(x.path()), o.number(y.path()), o.loss(), counts.get(i), scale.position(o.loss()), size));
    }
    // worst first: the smallest points are the worst ones
    points.sort(Comparator.comparingDouble(Point::size).thenComparing(Comparator.comparingDouble(Point::loss)));
    return new PairScatter(x, y, List.copyOf(points), stops);
  }
}
