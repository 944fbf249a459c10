package io.hypermax.results.internal.analysis;

import io.hypermax.core.space.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * Parallel coordinates: one vertical axis per parameter (numeric ones on their search scale, categorical ones with
 * one evenly spaced position per value) and a last one for the loss; each complete trial is a line through its
 * values, scaled to 0..1 per axis. An inactive branch parameter is NaN: the chart's line skips that axis.
 *
 * @param axes parameter paths, then "loss"
 * @param ticks for each axis, the labels at its bottom and top (numeric: min and max; categorical: every value)
 * @param lines worst first, so the best trials are drawn on top
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ParallelCoordinates(List<String> axes, List<List<Tick>> ticks, List<Line> lines, LossScale scale) {

  /** A label at position {@code at} (0..1) of an axis. */
  public record Tick(double at, String label) {}

  /** @param positions one per axis, 0..1 or NaN; @param values the raw values, one per axis (null when inactive) */
  public record Line(int trial, double loss, double[] positions, List<Object> values) {}

  public static ParallelCoordinates of(Observations obs) {
    List<String> axes = new ArrayList<>();
    List<List<Tick>> ticks = new ArrayList<>();
    List<java.util.function.Function<Observation, Double>> position = new ArrayList<>();
    for (NumericParameter p : obs.numeric()) {
      double[] v = obs.all().stream().mapToDouble(o -> o.number(p.path())).filter(Double::isFinite).toArray();
      if (v.length == 0) {
        continue;
      }
      double lo = Stats.min(v);
      double hi = Stats.max(v);
      boolean log = p.log() && lo > 0;
      axes.add(p.path());
      ticks.add(List.of(new Tick(0, io.hypermax.results.internal.analysis.Numbers.format(lo, 4)),
          new Tick(1, io.hypermax.results.internal.analysis.Numbers.format(hi, 4))));
      position.add(o -> {
        double x = o.number(p.path());
        if (!Double.isFinite(x)) {
          return Double.NaN;
        }
        if (!(hi > lo)) {
          return 0.5;
        }
        return log ? Math.log(x / lo) / Math.log(hi / lo) : (x - lo) / (hi - lo);
      });
    }
    for (Parameter p : obs.categorical()) {
      List<String> labels = CategoryStats.of(obs, p).groups().stream().map(CategoryStats.Group::label).toList();
      if (labels.isEmpty()) {
        continue;
      }
      axes.add(p.path());
      List<Tick> t = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        t.add(new Tick(at(i, labels.size()), labels.get(i)));
      }
      ticks.add(List.copyOf(t));
      position.add(o -> {
        Object v = o.params().get(p.path());
        int i = v == null ? -1 : labels.indexOf(obs.label(p, v));
        return i < 0 ? Double.NaN : at(i, labels.size());
      });
    }
    double[] losses = obs.all().stream().mapToDouble(Observation::loss).toArray();
    LossScale scale = LossScale.of(losses);
    axes.add("loss");
    ticks.add(List.of(new Tick(0, io.hypermax.results.internal.analysis.Numbers.format(scale.min(), 4)),
        new Tick(1, io.hypermax.results.internal.analysis.Numbers.format(scale.max(), 4))));
    position.add(o -> scale.position(o.loss()));
    List<Observation> order = new ArrayList<>(obs.all());
    order.sort(Comparator.comparingDouble(Observation::score).reversed().thenComparingInt(Observation::trial));
    List<Line> lines = new ArrayList<>();
    for (Observation o : order) {
      double[] pos = new double[axes.size()];
      List<Object> values = new ArrayList<>();
      for (int k = 0; k < pos.length; k++) {
        pos[k] = position.get(k).apply(o);
        values.add(k == pos.length - 1 ? (Object) o.loss() : o.params().get(axes.get(k)));
      }
      lines.add(new Line(o.trial(), o.loss(), pos, java.util.Collections.unmodifiableList(values)));
    }
    return new ParallelCoordinates(List.copyOf(axes), List.copyOf(ticks), List.copyOf(lines), scale);
  }

  private static double at(int i, int n) {
    return n == 1 ? 0.5 : i / (double) (n - 1);
  }
}
