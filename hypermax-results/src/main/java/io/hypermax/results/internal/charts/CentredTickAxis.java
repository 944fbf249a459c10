package io.hypermax.results.internal.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * An index axis whose cell i (from i to i+1) is labelled in its middle with names[i]: one tick per value of an
 * integer or category, instead of ticks at the half-step edges between values.
 */
final class CentredTickAxis extends NumberAxis {
  private final String[] names;

  CentredTickAxis(String label, String[] names) {
    super(label);
    this.names = names.clone();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    TextAnchor anchor =
        RectangleEdge.isTopOrBottom(edge)
            ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
            : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    List<NumberTick> ticks = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      ticks.add(new NumberTick(TickType.MAJOR, i + 0.5, names[i], anchor, anchor, 0.0));
    }
    return ticks;
  }
}
