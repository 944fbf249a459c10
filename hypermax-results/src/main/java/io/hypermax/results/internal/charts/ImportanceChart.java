package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.Importance;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/**
 * Horizontal bars: each parameter's share of the explained variation, most important on top, with a whisker for its
 * 90% bootstrap interval, so two bars whose intervals overlap are not read as a ranking.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ImportanceChart {
  private static final Color BAR = Viridis.color(0.35);

  private ImportanceChart() {}

  public static JFreeChart create(Importance importance) {
    List<Importance.Entry> entries = importance.entries();
    int n = entries.size();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = entries.get(n - 1 - i).parameter(); // SymbolAxis runs upwards; most important on top
    }
    SymbolAxis axis = new SymbolAxis("", names);
    axis.setRange(-0.6, n - 0.4);
    axis.setGridBandsVisible(false);
    ChartStyle.font(axis);
    axis.setTickLabelFont(ChartStyle.LABEL);
    double top = 0;
    for (Importance.Entry e : entries) {
      top = Math.max(top, Math.max(e.share(), Double.isNaN(e.high()) ? 0 : e.high()));
    }
    NumberAxis share = new NumberAxis("share of explained variation (%), whiskers: 90% bootstrap interval");
    share.setRange(0, Math.max(10, top * 100 * 1.15));
    ChartStyle.font(share);
    XYPlot plot = new XYPlot(new XYSeriesCollection(), axis, share, new XYLineAndShapeRenderer());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ChartStyle.style(plot);
    plot.setDomainGridlinesVisible(false);
    BasicStroke whisker = new BasicStroke(2f);
    Font label = ChartStyle.TICK;
    for (int i = 0; i < n; i++) {
      Importance.Entry e = entries.get(n - 1 - i);
      double v = e.share() * 100;
      plot.addAnnotation(new XYBoxAnnotation(i - 0.3, 0, i + 0.3, v, null, null, BAR));
      if (Double.isFinite(e.low()) && Double.isFinite(e.high())) {
        double lo = e.low() * 100;
        double hi = e.high() * 100;
        plot.addAnnotation(new XYLineAnnotation(i, lo, i, hi, whisker, Color.BLACK));
        plot.addAnnotation(new XYLineAnnotation(i - 0.12, lo, i + 0.12, lo, whisker, Color.BLACK));
        plot.addAnnotation(new XYLineAnnotation(i - 0.12, hi, i + 0.12, hi, whisker, Color.BLACK));
      }
      String text = String.format(java.util.Locale.ROOT, "  %.1f%%", v)
          + (Double.isFinite(e.low()) ? String.format(java.util.Locale.ROOT, " [%.0f–%.0f]", e.low() * 100, e.high() * 100) : "");
      XYTextAnnotation a = new XYTextAnnotation(text, i + 0.32, Math.max(v, Double.isFinite(e.high()) ? e.high() * 100 : v));
      a.setFont(label);
      a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addAnnotation(a);
    }
    return ChartStyle.chart(
        "Parameter Importance", "main-effect ω² of loss ranks (see docs/results.md)", plot, false);
  }
}
