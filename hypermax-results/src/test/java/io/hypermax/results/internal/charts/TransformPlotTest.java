package io.hypermax.results.internal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.objective.Transform;
import io.hypermax.core.objective.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented asymptote picture plots the transform itself, and its generator writes a PNG. */
class TransformPlotTest {
  @TempDir Path dir;

  @Test
  void theCurveIsTheTransformAndTheGeneratorWritesAPng() throws Exception {
    XYDataset data = ((XYPlot) TransformPlot.create().getPlot()).getDataset();
    Transform t = new Transform.Asymptote(TransformPlot.MIN, TransformPlot.MAX, TransformPlot.TARGET);
    for (int i = 0; i < data.getItemCount(0); i += 97) {
      double v = data.getXValue(0, i);
      assertEquals(t.apply(v, Direction.MAXIMIZE), data.getYValue(0, i), 1e-12);
    }
    Path png = dir.resolve("img/asymptote.png");
    TransformPlot.main(new String[] {png.toString()});
    assertTrue(Files.size(png) > 5000, "a real picture");
  }
}
