package io.hypermax.results.charts;

import io.hypermax.results.analysis.Importance;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Horizontal bars: each parameter's share of the explained variation, most important on top. */
public final class ImportanceChart {
  private ImportanceChart() {}

  public static JFreeChart create(Importance importance) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Importance.Entry e : importance.entries()) {
      data.addValue(e.share() * 100, "share", e.parameter());
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(31, 119, 180));
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%", new java.text.DecimalFormat("0.#")));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(ChartStyle.TICK);
    renderer.setMaximumBarWidth(0.08);
    CategoryAxis axis = new CategoryAxis("parameter");
    ChartStyle.font(axis);
    NumberAxis share = new NumberAxis("share of explained variation (%)");
    share.setUpperMargin(0.15);
    ChartStyle.font(share);
    CategoryPlot plot = new CategoryPlot(data, axis, share, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    return ChartStyle.chart(
        "Parameter Importance", "main-effect ω² of loss ranks, binned (see docs/results.md)", plot, false);
  }
}
