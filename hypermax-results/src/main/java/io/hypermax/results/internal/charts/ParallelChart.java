package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.ParallelCoordinates;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/** Parallel coordinates: one line per trial across the parameter axes and the loss, coloured by loss (viridis). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParallelChart {
  private ParallelChart() {}

  public static JFreeChart create(ParallelCoordinates pc) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    int s = 0;
    for (ParallelCoordinates.Line line : pc.lines()) {
      XYSeries series = new XYSeries("trial " + line.trial(), false, true);
      for (int k = 0; k < line.positions().length; k++) {
        double v = line.positions()[k];
        if (!Double.isNaN(v)) {
          series.add(k, v); // an inactive branch parameter is skipped: the line goes straight to the next axis
        }
      }
      data.addSeries(series);
      renderer.setSeriesPaint(s, Viridis.color(pc.scale().position(line.loss()), 170));
      renderer.setSeriesStroke(s, new BasicStroke(1.4f));
      s++;
    }
    SymbolAxis axes = new SymbolAxis("", pc.axes().toArray(String[]::new));
    axes.setRange(-0.25, pc.axes().size() - 0.75);
    axes.setGridBandsVisible(false);
    ChartStyle.font(axes);
    axes.setTickLabelFont(ChartStyle.LABEL);
    NumberAxis unit = new NumberAxis();
    unit.setRange(-0.06, 1.06);
    unit.setTickLabelsVisible(false);
    unit.setTickMarksVisible(false);
    XYPlot plot = new XYPlot(data, axes, unit, renderer);
    ChartStyle.style(plot);
    plot.setRangeGridlinesVisible(false);
    plot.setDomainGridlinesVisible(false);
    Font tick = ChartStyle.TICK;
    for (int k = 0; k < pc.axes().size(); k++) {
      plot.addAnnotation(new XYLineAnnotation(k, 0, k, 1, new BasicStroke(1.5f), Color.DARK_GRAY));
      for (ParallelCoordinates.Tick t : pc.ticks().get(k)) {
        XYTextAnnotation a = new XYTextAnnotation(" " + t.label(), k, t.at());
        a.setFont(tick);
        a.setTextAnchor(t.at() >= 1 ? TextAnchor.BOTTOM_LEFT : t.at() <= 0 ? TextAnchor.TOP_LEFT : TextAnchor.CENTER_LEFT);
        a.setBackgroundPaint(new Color(255, 255, 255, 200));
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart =
        ChartStyle.chart("Parallel Coordinates", pc.lines().size() + " complete trials; one line per trial, coloured by loss",
            plot, false);
    chart.addSubtitle(ChartStyle.colourBar("loss", pc.scale()));
    return chart;
  }
}
