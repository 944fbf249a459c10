package io.hypermax.results.charts;

import io.hypermax.results.analysis.CellGrid;
import io.hypermax.results.analysis.ColorStops;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A loss, response or time matrix: cells coloured on the blue → red scale with smooth (bilinear)
 * blending between cell centres, each cell's value printed in it (grey for cells that held no
 * result and were filled from their neighbours), axes ticked at the bucket edges.
 */
public final class HeatMapChart {
  /**
   * The colour field is computed at about this many pixels along its longer side: close to the size it is
   * drawn at, so the plain (fast) image scaling shows no blocks. Smooth scaling at draw time costs more than the field.
   */
  private static final int FIELD_PIXELS = 240;
  private static final int LUT_SIZE = 1024;

  private HeatMapChart() {}

  /**
   * @param positions colour position (0 best .. 1 worst) of each cell, [x][y]
   * @param legendLow value shown at the blue end of the legend
   * @param legendHigh value shown at the red end of the legend
   */
  public static JFreeChart create(
      CellGrid grid,
      double[][] positions,
      ColorStops stops,
      String title,
      String subtitle,
      String legendLabel,
      double legendLow,
      double legendHigh) {
    int nx = grid.width();
    int ny = grid.height();
    NumberAxis xAxis = indexAxis(grid.x().path(), grid.x().log(), grid.xBuckets().edges());
    NumberAxis yAxis = indexAxis(grid.y().path(), grid.y().log(), grid.yBuckets().edges());
    XYPlot plot = new XYPlot(new XYSeriesCollection(), xAxis, yAxis, new XYLineAndShapeRenderer());
    ChartStyle.style(plot);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.addAnnotation(new XYDataImageAnnotation(image(positions, stops), 0, 0, nx, ny));
    String[][] texts = new String[nx][ny];
    int longest = 1;
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        texts[i][j] = cellText(grid.values()[i][j]);
        longest = Math.max(longest, texts[i][j].length());
      }
    }
    int size = Math.max(8, Math.min(13, 15 - longest));
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, size);
    Font italic = new Font(Font.SANS_SERIF, Font.ITALIC, size);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        XYTextAnnotation a = new XYTextAnnotation(texts[i][j], i + 0.5, j + 0.5);
        boolean filled = grid.filled()[i][j];
        a.setFont(filled ? italic : plain);
        a.setPaint(filled ? Color.DARK_GRAY : Color.BLACK);
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
    chart.addSubtitle(legend(legendLabel, legendLow, legendHigh, stops));
    return chart;
  }

  /** Three significant digits, "0." shortened to "." as in the original. */
  static String cellText(double v) {
    String s = Numbers.format(v, 3);
    if (s.startsWith("0.")) {
      return s.substring(1);
    }
    if (s.startsWith("-0.")) {
      return "-" + s.substring(2);
    }
    return s;
  }

  private static NumberAxis indexAxis(String label, boolean log, double[] edges) {
    NumberAxis axis = new NumberAxis(log && logSpaced(edges) ? label + " (log-spaced buckets)" : label);
    axis.setRange(0, edges.length - 1);
    axis.setAutoRange(false);
    axis.setTickUnit(new NumberTickUnit(1, Numbers.edgeFormat(edges)));
    ChartStyle.font(axis);
    return axis;
  }

  /** Whether the edges grow by a constant factor (rounded parameters with few values get one bucket per value instead). */
  private static boolean logSpaced(double[] edges) {
    if (edges.length < 3 || !(edges[0] > 0)) {
      return false;
    }
    double first = edges[1] / edges[0];
    double last = edges[edges.length - 1] / edges[edges.length - 2];
    return Math.abs(first - last) < 1e-6 * first && first > 1;
  }

  /** The colour field: bilinear interpolation of the cell positions between cell centres. */
  private static BufferedImage image(double[][] positions, ColorStops stops) {
    int nx = positions.length;
    int ny = positions[0].length;
    int ppc = Math.max(4, FIELD_PIXELS / Math.max(nx, ny));
    int w = nx * ppc;
    int h = ny * ppc;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
    int[] lut = ColorScale.lookup(stops, LUT_SIZE);
    for (int py = 0; py < h; py++) {
      // Image row 0 is the top: the largest y bucket.
      double fy = clamp((h - py - 0.5) / ppc - 0.5, ny - 1);
      int j0 = (int) Math.floor(fy);
      int j1 = Math.min(j0 + 1, ny - 1);
      double wy = fy - j0;
      for (int px = 0; px < w; px++) {
        double fx = clamp((px + 0.5) / ppc - 0.5, nx - 1);
        int i0 = (int) Math.floor(fx);
        int i1 = Math.min(i0 + 1, nx - 1);
        double wx = fx - i0;
        double t =
            (1 - wx) * (1 - wy) * positions[i0][j0]
                + wx * (1 - wy) * positions[i1][j0]
                + (1 - wx) * wy * positions[i0][j1]
                + wx * wy * positions[i1][j1];
        pixels[py * w + px] = lut[(int) (clamp(t, 1) * (LUT_SIZE - 1) + 0.5)];
      }
    }
    return img;
  }

  private static double clamp(double v, double max) {
    return Math.max(0, Math.min(max, v));
  }

  private static PaintScaleLegend legend(String label, double low, double high, ColorStops stops) {
    boolean flat = !(high != low);
    double lo = Math.min(low, high);
    double hi = flat ? lo + 1 : Math.max(low, high);
    PaintScale scale =
        new PaintScale() {
          @Override
          public double getLowerBound() {
            return lo;
          }

          @Override
          public double getUpperBound() {
            return hi;
          }

          @Override
          public Paint getPaint(double value) {
            double t = flat ? 0.5 : (value - low) / (high - low);
            return ColorScale.color(t, stops);
          }
        };
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(lo, hi);
    axis.setNumberFormatOverride(Numbers.axisFormat());
    ChartStyle.font(axis);
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(14);
    legend.setSubdivisionCount(200);
    legend.setMargin(10, 10, 30, 10);
    return legend;
  }
}
