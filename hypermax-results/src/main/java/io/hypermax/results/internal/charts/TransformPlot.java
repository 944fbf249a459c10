package io.hypermax.results.internal.charts;

import io.hypermax.core.objective.Transform;
import io.hypermax.core.objective.Direction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/**
 * The plotted example of docs/config.md: the asymptote transform of a maximised accuracy (min 0.5,
 * max 1, target 0.95) against the same accuracy rescaled linearly to the same anchors (0 at the
 * target, 1 at the worst value). Regenerate the picture with
 * {@code java -cp hypermax-cli/target/hypermax-cli-*-all.jar io.hypermax.results.internal.charts.TransformPlot docs/img/asymptote.png}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TransformPlot {
  public static final double MIN = 0.5;
  public static final double MAX = 1.0;
  public static final double TARGET = 0.95;

  private TransformPlot() {}

  /** The chart: x is the raw accuracy, y the value minimised. */
  public static JFreeChart create() {
    Transform.Asymptote asymptote = new Transform.Asymptote(MIN, MAX, TARGET);
    XYSeries curve = new XYSeries("asymptote {min 0.5, max 1, target 0.95}, maximize", false, true);
    XYSeries linear = new XYSeries("linear, same anchors: (0.95 - v) / 0.45", false, true);
    for (int i = 0; i <= 1000; i++) {
      double v = MIN + (MAX - MIN) * i / 1000.0 * 0.9995; // stop just short of the asymptote at 1
      curve.add(v, asymptote.apply(v, Direction.MAXIMIZE));
      linear.add(v, (TARGET - v) / (TARGET - MIN));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(curve);
    data.addSeries(linear);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, new Color(31, 119, 180));
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesPaint(1, Color.GRAY);
    renderer.setSeriesStroke(1, ChartStyle.DASHED);
    XYPlot plot = new XYPlot(data, ChartStyle.axis("accuracy (raw value)", false, MIN, MAX),
        ChartStyle.axis("value minimised", false, -3, 1), renderer);
    plot.getRangeAxis().setRange(-3.2, 1.1);
    ChartStyle.style(plot);
    return ChartStyle.chart("The asymptote transform",
        "0 at the target, 1 at the worst bound, falling without limit towards the best bound", plot, true);
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "asymptote.png");
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Headless.ensure();
    Png.write(create(), 900, 560, out);
    System.out.println("wrote " + out);
  }
}
