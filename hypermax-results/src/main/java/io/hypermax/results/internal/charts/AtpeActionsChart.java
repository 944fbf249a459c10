package io.hypermax.results.internal.charts;

import io.hypermax.core.stability.API;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.internal.analysis.AtpeActions;
import io.hypermax.results.internal.analysis.LossScale;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code search.method: atpe} over the study: below, one row per action and a dot per trial coloured by model
 * family (faint when the trial did not complete); above, each complete trial's loss in its family's colour and the
 * best loss so far. The same picture as report.html's "atpe actions" chart.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AtpeActionsChart {
  /** The families atpe knows; the same colours as hypermax-charts.js. */
  private static final Map<String, Color> FAMILIES = Map.of(
      "random", new Color(0x9e9e9e), "startup", new Color(0x9e9e9e), "tpe", new Color(0x1f77b4),
      "storm", new Color(0xff7f0e), "gp", new Color(0x2ca02c));
  private static final Color[] OTHERS = {
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};

  private AtpeActionsChart() {}

  public static JFreeChart create(AtpeActions a) {
    Map<String, XYSeries> rows = new LinkedHashMap<>(); // per family: trial → action row
    Map<String, XYSeries> faint = new LinkedHashMap<>();
    Map<String, XYSeries> losses = new LinkedHashMap<>();
    XYSeries best = new XYSeries("best so far", false, true);
    int last = a.actions().size() - 1;
    for (AtpeActions.Entry e : a.entries()) {
      String f = e.family().isEmpty() ? "no family" : e.family();
      double row = last - a.actions().indexOf(e.action()); // SymbolAxis runs upwards: the first action on top
      boolean complete = e.status() == TrialStatus.COMPLETE;
      (complete ? rows : faint).computeIfAbsent(f, k -> new XYSeries(k, false, true)).add(e.trial(), row);
      rows.computeIfAbsent(f, k -> new XYSeries(k, false, true));
      if (complete && Double.isFinite(e.loss())) {
        losses.computeIfAbsent(f, k -> new XYSeries(k, false, true)).add(e.trial(), e.loss());
      }
      if (Double.isFinite(e.bestSoFar())) {
        best.add(e.trial(), e.bestSoFar());
      }
    }
    List<String> families = new ArrayList<>(rows.keySet());
    Map<String, Color> colours = new LinkedHashMap<>();
    int other = 0;
    for (String f : families) {
      colours.put(f, FAMILIES.containsKey(f) ? FAMILIES.get(f) : OTHERS[other++ % OTHERS.length]);
    }

    NumberAxis trial = new NumberAxis("trial");
    trial.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trial.setAutoRangeIncludesZero(false);
    trial.setLowerMargin(0.02); // the first and last trials' dots not cut by the frame
    trial.setUpperMargin(0.02);
    ChartStyle.font(trial);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(trial);
    plot.setGap(12);

    XYSeriesCollection lossData = new XYSeriesCollection();
    losses.values().forEach(lossData::addSeries);
    org.jfree.chart.axis.ValueAxis lossAxis = ChartStyle.lossAxis("loss", LossScale.of(
        a.entries().stream().filter(e -> e.status() == TrialStatus.COMPLETE).mapToDouble(AtpeActions.Entry::loss)
            .filter(Double::isFinite).toArray()));
    XYPlot top = new XYPlot(lossData, null, lossAxis, dots(lossData, colours, 170, false));
    top.setDataset(1, new XYSeriesCollection(best));
    XYStepRenderer step = new XYStepRenderer();
    step.setSeriesPaint(0, ChartStyle.TREND);
    step.setSeriesStroke(0, new BasicStroke(2.5f));
    top.setRenderer(1, step);
    ChartStyle.style(top);

    SymbolAxis actionAxis = new SymbolAxis("", reversed(a.actions()));
    actionAxis.setRange(-0.6, last + 0.6);
    actionAxis.setGridBandsVisible(false);
    ChartStyle.font(actionAxis);
    XYSeriesCollection rowData = new XYSeriesCollection();
    rows.values().forEach(rowData::addSeries);
    XYPlot bottom = new XYPlot(rowData, null, actionAxis, dots(rowData, colours, 230, true));
    XYSeriesCollection faintData = new XYSeriesCollection();
    faint.values().forEach(faintData::addSeries);
    bottom.setDataset(1, faintData);
    bottom.setRenderer(1, dots(faintData, colours, 70, false));
    ChartStyle.style(bottom);

    plot.add(top, 2);
    plot.add(bottom, Math.max(2, (a.actions().size() + 2) / 3));
    return ChartStyle.chart("atpe actions", a.entries().size() + " trials: which action made each suggestion "
        + "(colour: model family, faint: not complete); above: loss and best so far", plot, true);
  }

  private static XYLineAndShapeRenderer dots(XYSeriesCollection data, Map<String, Color> colours, int alpha, boolean legend) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setDrawOutlines(false);
    r.setDefaultSeriesVisibleInLegend(legend);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Color c = colours.get((String) data.getSeriesKey(i));
      r.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
      r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    return r;
  }

  private static String[] reversed(List<String> actions) {
    String[] out = new String[actions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = actions.get(actions.size() - 1 - i);
    }
    return out;
  }
}
