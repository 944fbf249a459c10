package io.hypermax.results.internal.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import io.hypermax.results.internal.analysis.Numbers;

/**
 * A base-10 log axis ticked at round numbers: every decade over wide ranges, 1-2-5 within about two
 * decades, 1..9 within one. JFreeChart's own log ticks are evenly spaced exponents (0.3162, 0.5623, …).
 */
final class RoundLogAxis extends LogAxis {
  RoundLogAxis(String label) {
    super(label);
    setBase(10);
    setSmallestValue(1e-300);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    double lo = getLowerBound();
    double hi = getUpperBound();
    double decades = Math.log10(hi / lo);
    int[] multiples = decades > 2.5 ? new int[] {1} : decades > 1 ? new int[] {1, 2, 5} : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int step = (int) Math.max(1, Math.ceil(decades / 12));
    TextAnchor anchor =
        RectangleEdge.isTopOrBottom(edge)
            ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
            : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    List<NumberTick> ticks = new ArrayList<>();
    int first = (int) Math.floor(Math.log10(lo));
    int last = (int) Math.ceil(Math.log10(hi));
    for (int e = first; e <= last; e++) {
      if (Math.floorMod(e, step) != 0) {
        continue;
      }
      for (int m : multiples) {
        double v = m * Math.pow(10, e);
        if (v >= lo && v <= hi) {
          ticks.add(new NumberTick(TickType.MAJOR, v, Numbers.format(v, 4), anchor, anchor, 0.0));
        }
      }
    }
    return ticks;
  }
}
