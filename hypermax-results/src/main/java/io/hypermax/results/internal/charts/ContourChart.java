package io.hypermax.results.internal.charts;

import io.hypermax.results.internal.analysis.ContourField;
import io.hypermax.results.internal.analysis.LossScale;
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
import io.hypermax.core.stability.API;

/**
 * A filled contour of the {@link ContourField} in {@value #LEVELS} viridis bands with dark lines at the band edges,
 * every trial drawn over it as a dot (the best one as a larger red-ringed dot), and a colour bar. Where there are too
 * few trials the field is not drawn (white), so the picture never claims more than the trials show.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ContourChart {
  public static final int LEVELS = 10;
  private static final int PIXELS = 8; // per grid step: the field is interpolated between grid points, bands drawn per pixel

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
    // behind the dots: the image spans from the first to the last grid point
    renderer.addAnnotation(
        new XYDataImageAnnotation(image(f), f.xs()[0], f.ys()[0], f.xs()[ContourField.GRID - 1] - f.xs()[0],
            f.ys()[ContourField.GRID - 1] - f.ys()[0], false),
        org.jfree.chart.ui.Layer.BACKGROUND);
    JFreeChart chart =
        ChartStyle.chart("Contour: loss over " + f.x().path() + " and " + f.y().path(),
            f.points().size() + " trials (dots; ringed: best); kernel-smoothed loss, blank where trials are too sparse",
            plot, false);
    chart.addSubtitle(ChartStyle.colourBar("loss", f.scale()));
    return chart;
  }

  /** Band index of a value: 0 .. LEVELS-1 by its position on the loss scale; -1 where not drawn. */
  static int band(double v, LossScale scale) {
    if (Double.isNaN(v)) {
      return -1;
    }
    return Math.min(LEVELS - 1, (int) Math.floor(scale.position(v) * LEVELS));
  }

  /**
   * The field interpolated bilinearly between grid points (NaN where a neighbouring grid point is NaN), cut into
   * bands, with a dark pixel where the band changes: filled contours with their contour lines.
   */
  private static BufferedImage image(ContourField f) {
    int n = ContourField.GRID;
    int size = (n - 1) * PIXELS;
    int[][] bands = new int[size][size];
    for (int px = 0; px < size; px++) {
      double gx = (px + 0.5) / PIXELS;
      int i = Math.min(n - 2, (int) gx);
      double wx = gx - i;
      for (int py = 0; py < size; py++) {
        double gy = (size - py - 0.5) / PIXELS; // image row 0 is the top: the largest y
        int j = Math.min(n - 2, (int) gy);
        double wy = gy - j;
        double[][] v = f.values();
        double z = (1 - wx) * (1 - wy) * v[i][j] + wx * (1 - wy) * v[i + 1][j] + (1 - wx) * wy * v[i][j + 1]
            + wx * wy * v[i + 1][j + 1];
        bands[px][py] = band(z, f.scale());
      }
    }
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    for (int px = 0; px < size; px++) {
      for (int py = 0; py < size; py++) {
        int b = bands[px][py];
        if (b < 0) {
          img.setRGB(px, py, 0x00FFFFFF);
          continue;
        }
        boolean line = (px + 1 < size && bands[px + 1][py] >= 0 && bands[px + 1][py] != b)
            || (py + 1 < size && bands[px][py + 1] >= 0 && bands[px][py + 1] != b);
        img.setRGB(px, py, line ? 0xFF303030 : Viridis.rgb((b + 0.5) / LEVELS));
      }
    }
    return img;
  }
}
