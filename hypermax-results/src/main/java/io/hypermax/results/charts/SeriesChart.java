package io.hypermax.results.charts;

import io.hypermax.results.analysis.ParameterSeries;
import io.hypermax.results.analysis.Stats;
import java.awt.geom.Ellipse2D;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A single-parameter chart: the points of a {@link ParameterSeries} and its dashed trend line. */
public final class SeriesChart {
  private static final int TREND_STEPS = 60;

  private SeriesChart() {}

  public static JFreeChart create(ParameterSeries s, String title, String subtitle) {
    XYSeries points = new XYSeries(s.points().get(0).trial() >= 0 ? "results" : "buckets", false, true);
    for (ParameterSeries.Point p : s.points()) {
      points.add(p.x(), p.value());
    }
    XYSeriesCollection data = new XYSeriesCollection(points);
    if (s.trend().exists()) {
      // The trend at every point's x (the values in the CSV) plus an even grid on the axis's own
      // scale, so the curve is smooth where points are sparse.
      TreeMap<Double, Double> trend = new TreeMap<>();
      for (ParameterSeries.Point p : s.points()) {
        trend.put(p.x(), s.trend().at(p.x()));
      }
      double lo = trend.firstKey();
      double hi = trend.lastKey();
      boolean logGrid = s.parameter().log() && lo > 0;
      for (int i = 1; i < TREND_STEPS; i++) {
        double f = i / (double) TREND_STEPS;
        double x = logGrid ? Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo))) : lo + f * (hi - lo);
        trend.put(x, s.trend().at(x));
      }
      XYSeries line = new XYSeries(s.trend().kind() + " trend", true, false);
      trend.forEach(line::add);
      data.addSeries(line);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setDrawOutlines(false); // same colour as the fill: drawing it only doubles the cost
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setSeriesPaint(0, ChartStyle.POINT);
    renderer.setSeriesShapesVisible(1, false);
    renderer.setSeriesPaint(1, ChartStyle.TREND);
    renderer.setSeriesStroke(1, ChartStyle.DASHED);
    boolean log = s.parameter().log() && s.points().stream().allMatch(p -> p.x() > 0);
    NumberAxis range = new NumberAxis(s.key().label());
    range.setAutoRangeIncludesZero(false);
    range.setNumberFormatOverride(Numbers.axisFormat());
    ChartStyle.font(range);
    XYPlot plot = new XYPlot(data, ChartStyle.axis(s.parameter().path(), log, Stats.min(s.xs()), Stats.max(s.xs())), range, renderer);
    ChartStyle.style(plot);
    return ChartStyle.chart(title, subtitle, plot, s.trend().exists());
  }
}
