package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.CategoryStats;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.results.internal.analysis.Numbers;
import io.hypermax.core.stability.API;

/** Loss per value of a categorical parameter: a box chart (min, quartiles, max, mean) and a strip chart of every result. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CategoryCharts {
  /** Half the width of the band the strip chart spreads a category's points over. */
  public static final double JITTER = 0.25;

  private CategoryCharts() {}

  public static JFreeChart box(CategoryStats stats) {
    DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
    for (CategoryStats.Group g : stats.groups()) {
      data.add(
          new BoxAndWhiskerItem(g.mean(), g.median(), g.q1(), g.q3(), g.min(), g.max(), null, null, List.of()),
          "loss",
          g.label() + " (" + g.count() + ")");
    }
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    renderer.setSeriesPaint(0, new Color(31, 119, 180, 140));
    renderer.setMeanVisible(false); // its marker grows with the box width and hides the median; the CSV has the mean
    renderer.setMaxOutlierVisible(false);
    renderer.setMinOutlierVisible(false);
    renderer.setMaximumBarWidth(0.15);
    CategoryAxis axis = new CategoryAxis(stats.path());
    ChartStyle.font(axis);
    NumberAxis loss = new NumberAxis("loss");
    loss.setAutoRangeIncludesZero(false);
    loss.setNumberFormatOverride(Numbers.axisFormat());
    ChartStyle.font(loss);
    CategoryPlot plot = new CategoryPlot(data, axis, loss, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    return ChartStyle.chart(
        "Loss by " + stats.path(), "box: quartiles and median; whiskers: min and max; (n): results per value", plot, false);
  }

  /** Deterministic horizontal offset of a trial's point within its category's band. */
  public static double jitter(int trial) {
    long h = trial * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return ((h & 0xFFFF) / 65535.0 * 2 - 1) * JITTER;
  }

  public static JFreeChart strip(CategoryStats stats) {
    XYSeries series = new XYSeries("results", false, true);
    String[] labels = new String[stats.groups().size()];
    for (int i = 0; i < labels.length; i++) {
      CategoryStats.Group g = stats.groups().get(i);
      labels[i] = g.label();
      for (int k = 0; k < g.count(); k++) {
        series.add(i + jitter(g.trials()[k]), g.losses()[k]);
      }
    }
    SymbolAxis axis = new SymbolAxis(stats.path(), labels);
    axis.setRange(-0.5, labels.length - 0.5);
    axis.setGridBandsVisible(false);
    ChartStyle.font(axis);
    org.jfree.chart.axis.ValueAxis loss = ChartStyle.lossAxis("loss", io.hypermax.results.internal.analysis.LossScale.of(
        stats.groups().stream().flatMapToDouble(g -> java.util.Arrays.stream(g.losses())).toArray()));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setDrawOutlines(false); // same colour as the fill: drawing it only doubles the cost
    renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesPaint(0, ChartStyle.POINT);
    XYPlot plot = new XYPlot(new XYSeriesCollection(series), axis, loss, renderer);
    ChartStyle.style(plot);
    return ChartStyle.chart("Loss by " + stats.path() + " (every result)", null, plot, false);
  }
}
