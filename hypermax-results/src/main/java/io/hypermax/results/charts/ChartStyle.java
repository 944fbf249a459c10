package io.hypermax.results.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** Fonts, colours and axes shared by every chart, so they all read the same. */
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

  public static void font(org.jfree.chart.axis.Axis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
  }
}
