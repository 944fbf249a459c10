package io.hypermax.results.charts;

import io.hypermax.results.analysis.ContourField;
import io.hypermax.results.analysis.LossScale;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A filled contour of the {@link ContourField} in {@value #LEVELS} viridis bands with dark lines at the band edges,
 * every trial drawn over it as a dot (the best one as a larger red-ringed dot), and a colour bar. Where there are too
 * few trials the field is not drawn (white), so the picture never claims more than the trials show.
 */
public final class ContourChart {
  public static final int LEVELS = 10;
  private static final int PIXELS = 4; // per grid step, so band edges can be drawn a pixel wide

  private ContourChart() {}

  /** @param best the (x, y) of the best trial, or null */
  public static JFreeChart create(ContourField f, double[] best) {
    double[] px = f.points().stream().mapToDouble(p -> p[0]).toArray();
    double[] py = f.points().stream().mapToDouble(p -> p[1]).toArray();
    XYSeries dots = new XYSeries("trials", false, true);
    f.points().forEach(p -> dots.add(p[0], p[1]));
    XYSeries bestDot = new XYSeries("best trial", false, true);
    if (best != null) {
      bestDot.add(best[0], best[1]);
    }
    XYSeriesCollection data = new XYSeriesCollection(dots);
    data.addSeries(bestDot);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesPaint(0, Color.WHITE);
    renderer.setSeriesOutlinePaint(0, Color.BLACK);
    renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
    renderer.setSeriesPaint(1, Color.WHITE);
    renderer.setSeriesOutlinePaint(1, new Color(214, 39, 40));
    renderer.setSeriesOutlineStroke(1, new BasicStroke(3f));
    renderer.setUseOutlinePaint(true);
    renderer.setDrawOutlines(true);
    ValueAxis xAxis = ChartStyle.parameterAxis(f.x(), px);
    ValueAxis yAxis = ChartStyle.parameterAxis(f.y(), py);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    ChartStyle.style(plot);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    int n = ContourField.GRID;
    double dx = (f.xs()[n - 1] - f.xs()[0]);
    double dy = (f.ys()[n - 1] - f.ys()[0]);
    // grid point i is the centre of image column i; half a step of margin on each side
    plot.addAnnotation(
        new XYDataImageAnnotation(image(f), edge(f.xs(), f.x().log(), true), edge(f.ys(), f.y().log(), true),
            span(f.xs(), f.x().log()), span(f.ys(), f.y().log()), false));
    JFreeChart chart =
        ChartStyle.chart("Contour: loss over " + f.x().path() + " and " + f.y().path(),
            f.points().size() + " trials (dots; ringed: best); kernel-smoothed loss, blank where trials are too sparse",
            plot, false);
    chart.addSubtitle(ChartStyle.colourBar("loss", f.scale()));
    return chart;
  }

  private static double edge(double[] g, boolean log, boolean low) {
    int n = g.length;
    if (log) {
      double step = Math.log(g[1] / g[0]);
      return low ? g[0] * Math.exp(-step / 2) : g[n - 1] * Math.exp(step / 2);
    }
    double step = g[1] - g[0];
    return low ? g[0] - step / 2 : g[n - 1] + step / 2;
  }

  private static double span(double[] g, boolean log) {
    return edge(g, log, false) - edge(g, log, true);
  }

  /** Band index of a value: 0 .. LEVELS-1 by its position on the loss scale; -1 where not drawn. */
  static int band(double v, LossScale scale) {
    if (Double.isNaN(v)) {
      return -1;
    }
    return Math.min(LEVELS - 1, (int) Math.floor(scale.position(v) * LEVELS));
  }

  private static BufferedImage image(ContourField f) {
    int n = ContourField.GRID;
    int size = n * PIXELS;
    int[][] bands = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        bands[i][j] = band(f.values()[i][j], f.scale());
      }
    }
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    for (int py = 0; py < size; py++) {
      int j = n - 1 - py / PIXELS; // image row 0 is the top: the largest y
      for (int px = 0; px < size; px++) {
        int i = px / PIXELS;
        int b = bands[i][j];
        if (b < 0) {
          img.setRGB(px, py, 0x00FFFFFF);
          continue;
        }
        boolean line = (px % PIXELS == PIXELS - 1 && i + 1 < n && bands[i + 1][j] >= 0 && bands[i + 1][j] != b)
            || (py % PIXELS == PIXELS - 1 && j - 1 >= 0 && bands[i][j - 1] >= 0 && bands[i][j - 1] != b);
        int rgb = Viridis.rgb((b + 0.5) / LEVELS);
        img.setRGB(px, py, line ? 0xFF303030 : rgb);
      }
    }
    return img;
  }
}
