package io.hypermax.results.internal.charts;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.trial.TrialStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import io.hypermax.core.stability.API;

/**
 * The learning curves: each trial's reported values by step, COMPLETE trials in teal, PRUNED ones in
 * red ending in a cross at the step they were stopped, others (running, failed) in grey.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LearningCurveChart {
  static final Color COMPLETE = new Color(0x21, 0x91, 0x8c, 170);
  static final Color PRUNED = new Color(0xd6, 0x27, 0x28, 140);
  static final Color OTHER = new Color(0x9e, 0x9e, 0x9e, 140);

  private LearningCurveChart() {}

  public static JFreeChart create(List<LearningCurve> curves, String valueLabel) {
    XYSeriesCollection lines = new XYSeriesCollection();
    XYSeriesCollection ends = new XYSeriesCollection();
    XYSeries prunedAt = new XYSeries("pruned at", false, true);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    int pruned = 0;
    int complete = 0;
    for (LearningCurve c : curves) {
      XYSeries s = new XYSeries("trial " + c.trial(), false, true);
      for (int i = 0; i < c.size(); i++) {
        if (Double.isFinite(c.value(i))) {
          s.add(c.step(i), c.value(i));
        }
      }
      int index = lines.getSeriesCount();
      lines.addSeries(s);
      Color colour = c.status() == TrialStatus.COMPLETE ? COMPLETE : c.status() == TrialStatus.PRUNED ? PRUNED : OTHER;
      renderer.setSeriesPaint(index, colour);
      renderer.setSeriesStroke(index, new BasicStroke(1.3f));
      if (c.status() == TrialStatus.PRUNED) {
        pruned++;
        if (Double.isFinite(c.lastValue())) {
          prunedAt.add(c.lastStep(), c.lastValue());
        }
      } else if (c.status() == TrialStatus.COMPLETE) {
        complete++;
      }
    }
    renderer.setDefaultSeriesVisibleInLegend(false);
    ends.addSeries(prunedAt);
    XYLineAndShapeRenderer crosses = new XYLineAndShapeRenderer(false, true);
    crosses.setSeriesShape(0, org.jfree.chart.util.ShapeUtils.createDiagonalCross(4, 1));
    crosses.setSeriesPaint(0, new Color(0xd6, 0x27, 0x28));
    NumberAxis step = new NumberAxis("step");
    step.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    step.setAutoRangeIncludesZero(false);
    ChartStyle.font(step);
    double[] values = curves.stream().flatMapToDouble(c -> {
      double[] v = new double[c.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = c.value(i);
      }
      return java.util.Arrays.stream(v);
    }).filter(Double::isFinite).toArray();
    org.jfree.chart.axis.ValueAxis value = ChartStyle.lossAxis(valueLabel, io.hypermax.results.internal.analysis.LossScale.of(values));
    XYPlot plot = new XYPlot(ends, step, value, crosses);
    plot.setDataset(1, lines);
    plot.setRenderer(1, renderer);
    ChartStyle.style(plot);
    String subtitle = curves.size() + " trials reported values: " + complete + " complete, " + pruned + " pruned (x: where a pruned trial stopped)";
    return ChartStyle.chart("Learning Curves", subtitle, plot, false);
  }

}
