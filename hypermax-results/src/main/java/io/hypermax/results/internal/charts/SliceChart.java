package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.CategoryStats;
import io.hypermax.results.internal.analysis.LossScale;
import io.hypermax.results.internal.analysis.NumericParameter;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/**
 * A slice chart (as in Optuna): every complete trial's loss against one parameter's value, each dot coloured by its
 * trial number so the chart also shows where the search went over time. Integer parameters get integer ticks,
 * categorical ones (enums, booleans, branch choices) their value or branch names, losses spanning decades a log axis.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SliceChart {
  /** One dot: the parameter value (or category index), the loss and the trial number. */
  public record Dot(double x, double loss, int trial) {}

  private SliceChart() {}

  public static JFreeChart numeric(NumericParameter p, List<Dot> dots, int trials) {
    double[] xs = dots.stream().mapToDouble(Dot::x).toArray();
    return chart(ChartStyle.parameterAxis(p, xs), p.path(), dots, trials);
  }

  /** @param dots x = index of the category in {@code stats.groups()} plus a small deterministic jitter */
  public static JFreeChart categorical(CategoryStats stats, List<Dot> dots, int trials) {
    String[] names = stats.groups().stream().map(g -> g.label() + " (" + g.count() + ")").toArray(String[]::new);
    SymbolAxis axis = new SymbolAxis(stats.path(), names);
    axis.setRange(-0.5, names.length - 0.5);
    axis.setGridBandsVisible(false);
    ChartStyle.font(axis);
    return chart(axis, stats.path(), dots, trials);
  }

  private static JFreeChart chart(org.jfree.chart.axis.ValueAxis xAxis, String path, List<Dot> dots, int trials) {
    XYSeries series = new XYSeries("trials", false, true);
    dots.forEach(d -> series.add(d.x(), d.loss()));
    double lastTrial = Math.max(1, trials - 1);
    XYLineAndShapeRenderer renderer =
        new XYLineAndShapeRenderer(false, true) {
          @Override
          public Paint getItemPaint(int row, int column) {
            return Viridis.color(dots.get(column).trial() / lastTrial, 215);
          }
        };
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    renderer.setUseOutlinePaint(true);
    renderer.setSeriesOutlinePaint(0, new Color(60, 60, 60, 160));
    LossScale scale = LossScale.of(dots.stream().mapToDouble(Dot::loss).toArray());
    XYPlot plot = new XYPlot(new XYSeriesCollection(series), xAxis, ChartStyle.lossAxis("loss", scale), renderer);
    ChartStyle.style(plot);
    JFreeChart chart =
        ChartStyle.chart("Slice: loss by " + path, dots.size() + " complete trials; colour: trial number", plot, false);
    chart.addSubtitle(ChartStyle.colourBar("trial", new LossScale(false, 0, lastTrial)));
    return chart;
  }
}
