package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.Edf;
import io.hypermax.results.internal.analysis.LossScale;
import java.awt.BasicStroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/** The empirical distribution function of the losses: what share of trials reached at least each loss. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EdfChart {
  private EdfChart() {}

  public static JFreeChart create(Edf edf, boolean maximize) {
    XYSeries s = new XYSeries("trials", true, true);
    for (int i = 0; i < edf.losses().length; i++) {
      s.addOrUpdate(edf.losses()[i], edf.fractions()[i]);
    }
    XYStepRenderer step = new XYStepRenderer();
    step.setSeriesPaint(0, Viridis.color(0.3));
    step.setSeriesStroke(0, new BasicStroke(2.5f));
    NumberAxis share = new NumberAxis(maximize ? "share of trials with loss ≥ x" : "share of trials with loss ≤ x");
    share.setRange(0, 1.02);
    ChartStyle.font(share);
    XYPlot plot = new XYPlot(new XYSeriesCollection(s), ChartStyle.lossAxis("loss", LossScale.of(edf.losses())), share, step);
    ChartStyle.style(plot);
    return ChartStyle.chart("Empirical Distribution of the Loss", edf.losses().length + " complete trials", plot, false);
  }
}
