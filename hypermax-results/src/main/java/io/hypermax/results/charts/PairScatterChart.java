package io.hypermax.results.charts;

import io.hypermax.results.analysis.PairScatter;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two-parameter scatter: each point coloured and sized by its loss (large and blue is good). */
public final class PairScatterChart {
  private PairScatterChart() {}

  private static double min(PairScatter s, boolean x) {
    return s.points().stream().mapToDouble(p -> x ? p.x() : p.y()).min().orElse(1);
  }

  private static double max(PairScatter s, boolean x) {
    return s.points().stream().mapToDouble(p -> x ? p.x() : p.y()).max().orElse(1);
  }

  public static JFreeChart create(PairScatter s, String title, String subtitle) {
    XYSeries series = new XYSeries("results", false, true);
    for (PairScatter.Point p : s.points()) {
      series.add(p.x(), p.y());
    }
    XYLineAndShapeRenderer renderer =
        new XYLineAndShapeRenderer(false, true) {
          @Override
          public Paint getItemPaint(int row, int column) {
            Color c = ColorScale.color(s.points().get(column).color(), s.stops());
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), 190);
          }

          @Override
          public Shape getItemShape(int row, int column) {
            double d = s.points().get(column).size();
            return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
          }
        };
    renderer.setDrawOutlines(false); // same colour as the fill: drawing it only doubles the cost
    boolean xLog = s.x().log() && s.points().stream().allMatch(p -> p.x() > 0);
    boolean yLog = s.y().log() && s.points().stream().allMatch(p -> p.y() > 0);
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(series), ChartStyle.axis(s.x().path(), xLog, min(s, true), max(s, true)),
            ChartStyle.axis(s.y().path(), yLog, min(s, false), max(s, false)), renderer);
    ChartStyle.style(plot);
    return ChartStyle.chart(title, subtitle, plot, false);
  }
}
