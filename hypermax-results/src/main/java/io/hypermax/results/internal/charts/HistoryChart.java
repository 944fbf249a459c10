package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.History;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/** The optimization history: each trial's loss as a dot, the best loss so far as a step line. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HistoryChart {
  private HistoryChart() {}

  public static JFreeChart create(History h) {
    XYSeries losses = new XYSeries("loss of each trial", false, true);
    XYSeries best = new XYSeries("best so far", false, true);
    for (History.Entry e : h.entries()) {
      losses.add(e.trial(), e.loss());
      best.add(e.trial(), e.bestSoFar());
    }
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setDrawOutlines(false); // same colour as the fill: drawing it only doubles the cost
    dots.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    dots.setSeriesPaint(0, ChartStyle.POINT);
    XYStepRenderer step = new XYStepRenderer();
    step.setSeriesPaint(0, ChartStyle.TREND);
    step.setSeriesStroke(0, new BasicStroke(2.5f));
    NumberAxis trial = new NumberAxis("trial");
    trial.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trial.setAutoRangeIncludesZero(false);
    ChartStyle.font(trial);
    org.jfree.chart.axis.ValueAxis loss =
        ChartStyle.lossAxis("loss", io.hypermax.results.internal.analysis.LossScale.of(
            h.entries().stream().mapToDouble(History.Entry::loss).toArray()));
    XYPlot plot = new XYPlot(new XYSeriesCollection(losses), trial, loss, dots);
    plot.setDataset(1, new XYSeriesCollection(best));
    plot.setRenderer(1, step);
    ChartStyle.style(plot);
    return ChartStyle.chart("Optimization History", h.entries().size() + " complete trials", plot, true);
  }
}
