package io.hypermax.results.internal.pareto;

import io.hypermax.core.trial.Trial;
import io.hypermax.results.internal.charts.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/**
 * The front chart for one pair of objectives: every scored trial in grey, the trials on the (full)
 * Pareto front in blue, joined in order of the x objective when there are only two objectives (then
 * the joined points are the front of this very plane).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParetoChart {
  private static final Color OTHERS = new Color(150, 150, 150, 140);
  private static final Color FRONT = new Color(31, 119, 180);

  private ParetoChart() {}

  /** Index pairs (i, j), i < j, of the objectives: one chart each. */
  public static List<int[]> pairs(int objectives) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < objectives; i++) {
      for (int j = i + 1; j < objectives; j++) {
        out.add(new int[] {i, j});
      }
    }
    return out;
  }

  public static JFreeChart create(ParetoData data, int x, int y) {
    XYSeries others = new XYSeries("other trials (" + (data.scored().size() - data.front().size()) + ")", false, true);
    XYSeries front = new XYSeries("Pareto front (" + data.front().size() + ")", false, true);
    for (Trial t : data.scored()) {
      if (!data.front().contains(t)) {
        others.add(data.value(t, x), data.value(t, y));
      }
    }
    List<Trial> sorted = new ArrayList<>(data.front());
    sorted.sort(Comparator.comparingDouble((Trial t) -> data.value(t, x)));
    for (Trial t : sorted) {
      front.add(data.value(t, x), data.value(t, y));
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(others);
    dataset.addSeries(front);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesLinesVisible(1, data.names().size() == 2);
    renderer.setSeriesPaint(0, OTHERS);
    renderer.setSeriesPaint(1, FRONT);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    renderer.setSeriesShape(1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    renderer.setSeriesStroke(1, new BasicStroke(1.5f));
    renderer.setDrawOutlines(false);
    double[] xr = range(data, x);
    double[] yr = range(data, y);
    XYPlot plot = new XYPlot(dataset, ChartStyle.axis(data.names().get(x) + " (minimised)", false, xr[0], xr[1]),
        ChartStyle.axis(data.names().get(y) + " (minimised)", false, yr[0], yr[1]), renderer);
    ChartStyle.style(plot);
    // Draw the front over the other trials.
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    return ChartStyle.chart("Pareto front: " + data.names().get(x) + " vs " + data.names().get(y),
        "values minimised; blue: trials no other trial dominates", plot, true);
  }

  private static double[] range(ParetoData data, int objective) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Trial t : data.scored()) {
      lo = Math.min(lo, data.value(t, objective));
      hi = Math.max(hi, data.value(t, objective));
    }
    return new double[] {lo, hi};
  }

  /** The file name of the chart of objectives x and y. */
  public static String fileName(ParetoData data, int x, int y) {
    if (data.names().size() == 2) {
      return "pareto.png";
    }
    return "pareto_" + io.hypermax.results.internal.files.FileNames.safe(data.names().get(x)) + "_"
        + io.hypermax.results.internal.files.FileNames.safe(data.names().get(y)) + ".png";
  }
}
