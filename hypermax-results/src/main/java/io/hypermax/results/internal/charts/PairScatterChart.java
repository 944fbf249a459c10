package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.PairScatter;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/** The two-parameter scatter: each point coloured and sized by its loss (large and blue is good). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PairScatterChart {
  private PairScatterChart() {}

  public static JFreeChart create(PairScatter s, String title, String subtitle) {
    io.hypermax.results.internal.analysis.LossScale scale =
        io.hypermax.results.internal.analysis.LossScale.of(s.points().stream().mapToDouble(PairScatter.Point::loss).toArray());
    XYSeries series = new XYSeries("results", false, true);
    for (PairScatter.Point p : s.points()) {
      series.add(p.x(), p.y());
    }
    XYLineAndShapeRenderer renderer =
        new XYLineAndShapeRenderer(false, true) {
          @Override
          public Paint getItemPaint(int row, int column) {
            return Viridis.color(scale.position(s.points().get(column).loss()), 200);
          }

          @Override
          public Shape getItemShape(int row, int column) {
            double d = s.points().get(column).size();
            return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
          }
        };
    renderer.setUseOutlinePaint(true);
    renderer.setSeriesOutlinePaint(0, new Color(40, 40, 40, 150));
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(series),
            ChartStyle.parameterAxis(s.x(), s.points().stream().mapToDouble(PairScatter.Point::x).toArray()),
            ChartStyle.parameterAxis(s.y(), s.points().stream().mapToDouble(PairScatter.Point::y).toArray()), renderer);
    ChartStyle.style(plot);
    JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
    chart.addSubtitle(ChartStyle.colourBar("loss", scale));
    return chart;
  }
}
