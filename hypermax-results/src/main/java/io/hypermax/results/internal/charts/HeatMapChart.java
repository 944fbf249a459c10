package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.Buckets;
import io.hypermax.results.internal.analysis.CellGrid;
import io.hypermax.results.internal.analysis.NumericParameter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.results.internal.analysis.Numbers;
import io.hypermax.core.stability.API;

/**
 * A loss, response or time matrix: each cell that holds results is one flat viridis colour with its value printed in
 * it; cells without results are left light grey and blank (never filled in from neighbours or smoothed over); every
 * binned trial is drawn as a dot at its own position; a colour bar says what the colours mean. Axes are ticked at the
 * bucket edges, or, when a rounded parameter has one bucket per value, at the values themselves (so an integer reads
 * 1, 2, 3, not 0.5, 1.5, 2.5).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HeatMapChart {
  private static final int CELL_PIXELS = 40; // the one-pixel border between cells stays thin when scaled up
  private static final Color EMPTY = new Color(0xEE, 0xEE, 0xEE);

  private HeatMapChart() {}

  /**
   * @param positions colour position in [0, 1] of each cell, [x][y]; NaN for empty cells
   * @param points the binned trials' (x, y) values, drawn as dots
   */
  public static JFreeChart create(
      CellGrid grid, double[][] positions, String title, String subtitle, PaintScaleLegend colourBar, List<double[]> points) {
    int nx = grid.width();
    int ny = grid.height();
    NumberAxis xAxis = indexAxis(grid.x(), grid.xBuckets());
    NumberAxis yAxis = indexAxis(grid.y(), grid.yBuckets());
    XYSeries dots = new XYSeries("trials", false, true);
    for (double[] p : points) {
      double u = indexPosition(grid.xBuckets(), grid.x(), p[0]);
      double v = indexPosition(grid.yBuckets(), grid.y(), p[1]);
      if (Double.isFinite(u) && Double.isFinite(v)) {
        dots.add(u, v);
      }
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    renderer.setSeriesPaint(0, new Color(255, 255, 255, 230));
    renderer.setSeriesOutlinePaint(0, Color.BLACK);
    renderer.setSeriesOutlineStroke(0, new BasicStroke(1f));
    renderer.setUseOutlinePaint(true);
    renderer.setDrawOutlines(true);
    XYPlot plot = new XYPlot(new XYSeriesCollection(dots), xAxis, yAxis, renderer);
    ChartStyle.style(plot);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    renderer.addAnnotation(new XYDataImageAnnotation(image(positions), 0, 0, nx, ny), org.jfree.chart.ui.Layer.BACKGROUND);
    String[][] texts = new String[nx][ny];
    int longest = 1;
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        texts[i][j] = grid.empty(i, j) ? "" : cellText(grid.values()[i][j]);
        longest = Math.max(longest, texts[i][j].length());
      }
    }
    int size = Math.max(8, Math.min(13, 15 - longest));
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        if (texts[i][j].isEmpty()) {
          continue;
        }
        // text in the upper part of the cell, so the dots (usually near the middle) do not cover it
        XYTextAnnotation a = new XYTextAnnotation(texts[i][j], i + 0.5, j + 0.78);
        a.setFont(font);
        a.setPaint(Viridis.luminance(positions[i][j]) < 0.45 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
    chart.addSubtitle(colourBar);
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

  /** Where value v sits on the index axis: bucket i spans [i, i+1], linearly (or in ln) within the bucket. */
  static double indexPosition(Buckets b, NumericParameter p, double v) {
    int i = b.indexOf(v);
    if (i < 0) {
      return Double.NaN;
    }
    double lo = b.low(i);
    double hi = b.high(i);
    boolean log = p.log() && lo > 0;
    double f = hi > lo ? (log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo)) : 0.5;
    return i + Math.max(0, Math.min(1, f));
  }

  private static NumberAxis indexAxis(NumericParameter p, Buckets b) {
    double[] edges = b.edges();
    boolean perValue = b.perValue(p);
    String label = p.log() && !perValue && logSpaced(edges) ? p.path() + " (log-spaced buckets)" : p.path();
    NumberAxis axis;
    if (perValue) {
      String[] names = new String[b.count()];
      for (int i = 0; i < names.length; i++) {
        names[i] = Numbers.format((b.low(i) + b.high(i)) / 2, 4);
      }
      axis = new CentredTickAxis(label, names);
    } else {
      axis = new NumberAxis(label);
      axis.setTickUnit(new NumberTickUnit(1, Numbers.edgeFormat(edges)));
    }
    axis.setRange(0, edges.length - 1);
    axis.setAutoRange(false);
    ChartStyle.font(axis);
    return axis;
  }

  /** Whether the edges grow by a constant factor. */
  private static boolean logSpaced(double[] edges) {
    if (edges.length < 3 || !(edges[0] > 0)) {
      return false;
    }
    double first = edges[1] / edges[0];
    double last = edges[edges.length - 1] / edges[edges.length - 2];
    return Math.abs(first - last) < 1e-6 * first && first > 1;
  }

  /** One flat colour per cell; the plot scales it up without smoothing (nearest neighbour keeps cells crisp). */
  private static BufferedImage image(double[][] positions) {
    int nx = positions.length;
    int ny = positions[0].length;
    int w = nx * CELL_PIXELS;
    int h = ny * CELL_PIXELS;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        int rgb = Double.isNaN(positions[i][j]) ? EMPTY.getRGB() : Viridis.rgb(positions[i][j]);
        for (int py = (ny - 1 - j) * CELL_PIXELS; py < (ny - j) * CELL_PIXELS; py++) {
          for (int px = i * CELL_PIXELS; px < (i + 1) * CELL_PIXELS; px++) {
            // a one-pixel light border keeps neighbouring cells apart
            boolean border = px % CELL_PIXELS == 0 || py % CELL_PIXELS == 0;
            pixels[py * w + px] = border ? 0xFFFFFFFF : rgb;
          }
        }
      }
    }
    return img;
  }
}
