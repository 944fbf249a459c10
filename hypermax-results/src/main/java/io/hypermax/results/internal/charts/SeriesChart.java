package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.ParameterSeries;
import io.hypermax.results.internal.analysis.Stats;
import java.awt.geom.Ellipse2D;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import io.hypermax.results.internal.analysis.LossScale;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/** A single-parameter chart: the points of a {@link ParameterSeries} and its dashed trend line. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
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
      // scale, so the curve is smooth where points are sparse; only between the smallest and largest x
      // of the data: a trend says nothing outside it.
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
    double[] values = s.values();
    LossScale scale = LossScale.of(values);
    ValueAxis range = ChartStyle.lossAxis(s.key().label(), scale);
    // The value axis spans the points, not the trend: a quadratic that bends away between sparse points must not
    // squash the data into a corner (the trend is clipped at the plot's edge instead).
    double pad = scale.log() ? 0 : 0.05 * Math.max(scale.max() - scale.min(), Math.abs(scale.max()) * 1e-6 + 1e-12);
    range.setRange(scale.log() ? scale.min() / 1.15 : scale.min() - pad, scale.log() ? scale.max() * 1.15 : scale.max() + pad);
    XYPlot plot = new XYPlot(data, ChartStyle.parameterAxis(s.parameter(), s.xs()), range, renderer);
    ChartStyle.style(plot);
    return ChartStyle.chart(title, subtitle, plot, s.trend().exists());
  }
}
