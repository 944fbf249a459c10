package io.hypermax.results.internal.charts;

import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.internal.analysis.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.results.internal.analysis.Numbers;
import io.hypermax.core.stability.API;

/** The timeline: one bar per trial from its start to its end, one row per worker, coloured by status. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TimelineChart {
  public static final Map<TrialStatus, Color> COLOURS =
      Map.of(
          TrialStatus.COMPLETE, new Color(0x21, 0x91, 0x8C),
          TrialStatus.FAILED, new Color(0xD6, 0x27, 0x28),
          TrialStatus.KILLED, new Color(0xFF, 0x7F, 0x0E),
          TrialStatus.RUNNING, new Color(0x9E, 0x9E, 0x9E));

  private TimelineChart() {}

  private static double row(Timeline.Entry e, int lanes) {
    return lanes - 1 - e.lane();
  }

  public static JFreeChart create(Timeline t) {
    String[] lanes = new String[Math.max(1, t.lanes())];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = "worker " + (lanes.length - i); // SymbolAxis runs upwards: worker 1 on top
    }
    SymbolAxis laneAxis = new SymbolAxis("", lanes);
    laneAxis.setRange(-0.6, lanes.length - 0.4);
    laneAxis.setGridBandsVisible(false);
    // not setInverted: a box annotation on an inverted axis gets a negative height and is not drawn
    ChartStyle.font(laneAxis);
    NumberAxis time = new NumberAxis("seconds since the first trial started");
    double end = t.entries().stream().mapToDouble(Timeline.Entry::end).max().orElse(1);
    time.setRange(0, Math.max(end, 1e-3) * 1.02);
    time.setNumberFormatOverride(Numbers.axisFormat());
    ChartStyle.font(time);
    XYPlot plot = new XYPlot(new XYSeriesCollection(), time, laneAxis, new XYLineAndShapeRenderer());
    ChartStyle.style(plot);
    plot.setRangeGridlinesVisible(false);
    BasicStroke edge = new BasicStroke(0.6f);
    double minWidth = Math.max(end, 1e-3) / 600; // so a very short trial still shows as a sliver
    for (Timeline.Entry e : t.entries()) {
      Color c = COLOURS.get(e.status());
      plot.addAnnotation(
          new XYBoxAnnotation(e.start(), row(e, lanes.length) - 0.35, Math.max(e.end(), e.start() + minWidth),
              row(e, lanes.length) + 0.35,
              edge, Color.WHITE, c));
    }
    LegendItemCollection legend = new LegendItemCollection();
    long[] counts = new long[TrialStatus.values().length];
    t.entries().forEach(e -> counts[e.status().ordinal()]++);
    for (TrialStatus s : new TrialStatus[] {TrialStatus.COMPLETE, TrialStatus.FAILED, TrialStatus.KILLED, TrialStatus.RUNNING}) {
      legend.add(new LegendItem(s.name().toLowerCase(java.util.Locale.ROOT) + " (" + counts[s.ordinal()] + ")", null, null, null,
          new Rectangle(-6, -6, 12, 12), COLOURS.get(s)));
    }
    plot.setFixedLegendItems(legend);
    return ChartStyle.chart("Timeline", t.entries().size() + " trials on " + t.lanes() + " worker"
        + (t.lanes() == 1 ? "" : "s") + " (rows rebuilt from start and end times)", plot, true);
  }
}
