package io.hypermax.results.internal.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import io.hypermax.results.internal.analysis.LossScale;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import io.hypermax.results.internal.analysis.Numbers;
import io.hypermax.core.stability.API;

/** Fonts, colours and axes shared by every chart, so they all read the same. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChartStyle {
  static {
    Headless.ensure();
  }

  public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  public static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  public static final Color POINT = new Color(31, 119, 180, 170);
  public static final Color TREND = new Color(214, 39, 40);
  public static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f);

  private ChartStyle() {}

  public static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (subtitle != null && !subtitle.isEmpty()) {
      chart.addSubtitle(new TextTitle(subtitle, SUBTITLE));
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(TICK);
    }
    return chart;
  }

  public static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
  }

  /**
   * A value axis for data spanning {@code min..max}: logarithmic (base 10, compact labels) or linear,
   * labelled with {@code label}.
   */
  public static ValueAxis axis(String label, boolean log, double min, double max) {
    ValueAxis axis;
    if (log && min > 0) {
      axis = new RoundLogAxis(label + " (log scale)");
    } else {
      NumberAxis a = new NumberAxis(label);
      a.setAutoRangeIncludesZero(false);
      a.setNumberFormatOverride(Numbers.axisFormat());
      axis = a;
    }
    font(axis);
    return axis;
  }

  /**
   * The axis of a numeric parameter over the values drawn: integer ticks when every value is a whole number and the
   * parameter is rounded to a whole step (no ticks at 1.2, 1.4 for an integer), a round-number log axis for
   * logarithmic parameters.
   */
  public static ValueAxis parameterAxis(NumericParameter p, double[] values) {
    double min = Stats.min(values);
    double max = Stats.max(values);
    if (p.log() && min > 0) {
      return axis(p.path(), true, min, max);
    }
    NumberAxis a = new NumberAxis(p.path());
    a.setAutoRangeIncludesZero(false);
    if (integral(p, values)) {
      a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      a.setRange(min - 0.5, max + 0.5); // whole cells around each value, so the end values are not on the frame
    } else {
      a.setNumberFormatOverride(Numbers.axisFormat());
    }
    font(a);
    return a;
  }

  /** Whether the parameter only takes whole numbers here. */
  public static boolean integral(NumericParameter p, double[] values) {
    if (p.step() == null || p.step() != Math.rint(p.step())) {
      return false;
    }
    for (double v : values) {
      if (v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  /** The loss axis: logarithmic when the losses span decades ({@link LossScale}). */
  public static ValueAxis lossAxis(String label, LossScale scale) {
    return axis(label, scale.log(), scale.min(), scale.max());
  }

  /**
   * A viridis colour bar for values on {@code scale}, on the right of the chart. A log scale is drawn as a linear axis
   * over log10 of the value (labelled with the values), so the bar's colours change evenly along its length.
   */
  public static org.jfree.chart.title.PaintScaleLegend colourBar(String label, LossScale scale) {
    double lo = scale.log() ? Math.log10(scale.min()) : scale.min();
    double hi = scale.log() ? Math.log10(scale.max()) : scale.max();
    boolean flat = !(hi > lo);
    double top = flat ? lo + 1 : hi;
    org.jfree.chart.renderer.PaintScale paint =
        new org.jfree.chart.renderer.PaintScale() {
          @Override
          public double getLowerBound() {
            return lo;
          }

          @Override
          public double getUpperBound() {
            return top;
          }

          @Override
          public java.awt.Paint getPaint(double value) {
            return Viridis.color(flat ? 0.5 : (value - lo) / (top - lo));
          }
        };
    NumberAxis axis = new NumberAxis(scale.log() ? label + " (log scale)" : label);
    axis.setRange(lo, top);
    axis.setNumberFormatOverride(scale.log() ? Numbers.powerOfTenFormat() : Numbers.axisFormat());
    font(axis);
    org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(paint, axis);
    legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
    legend.setStripWidth(14);
    legend.setSubdivisionCount(128);
    legend.setMargin(10, 10, 30, 10);
    legend.setBackgroundPaint(Color.WHITE);
    return legend;
  }

  public static void font(org.jfree.chart.axis.Axis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
  }
}
