package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.results.TestStudies;
import io.hypermax.results.internal.analysis.CategoryStats;
import io.hypermax.results.internal.analysis.CellGrid;
import io.hypermax.results.internal.analysis.ContourField;
import io.hypermax.results.internal.analysis.Correlations;
import io.hypermax.results.internal.analysis.History;
import io.hypermax.results.internal.analysis.LossScale;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.analysis.ParameterSeries;
import io.hypermax.results.internal.analysis.Reduction;
import io.hypermax.results.internal.analysis.Timeline;
import io.hypermax.results.internal.analysis.ValueKey;
import io.hypermax.results.internal.charts.ChartStyle;
import io.hypermax.results.internal.charts.ContourChart;
import io.hypermax.results.internal.charts.HeatMapChart;
import io.hypermax.results.internal.charts.HistoryChart;
import io.hypermax.results.internal.charts.SeriesChart;
import io.hypermax.results.internal.charts.TimelineChart;
import io.hypermax.results.internal.charts.Viridis;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per chart defect listed in issue #16, each named after what it protects. */
class ChartDefectsTest {
  @TempDir Path dir;

  /** x: linear [0, 10]; depth: integer 1..4; lr: log [1e-4, 1] — like the quick start. */
  private static SearchSpace space() {
    return new SearchSpace(
        List.of(
            Parameter.of("x", NumberDistribution.uniform(0, 10)),
            Parameter.of("depth", NumberDistribution.integer(1, 4, false)),
            Parameter.of("lr", NumberDistribution.logUniform(1e-4, 1))));
  }

  private static double loss(Map<String, Object> p) {
    double x = ((Number) p.get("x")).doubleValue();
    double lr = ((Number) p.get("lr")).doubleValue();
    return 0.01 + (x - 3) * (x - 3) + Math.pow(Math.log10(lr) + 2, 2) + ((Number) p.get("depth")).intValue();
  }

  private static StudySnapshot study(int n) {
    return TestStudies.sampled(space(), n, 7, ChartDefectsTest::loss, p -> 1, Direction.MINIMIZE);
  }

  private static NumericParameter numeric(Observations obs, String path) {
    return obs.numeric().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
  }

  private static List<Double> tickValues(ValueAxis axis, RectangleEdge edge) {
    BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    @SuppressWarnings("unchecked")
    List<Object> ticks = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 700, 500), edge);
    List<Double> out = new ArrayList<>();
    // labelled ticks only: minor ticks carry no text (and are not drawn by default)
    ticks.stream().map(t -> (NumberTick) t).filter(t -> t.getTickType() == org.jfree.chart.axis.TickType.MAJOR)
        .forEach(t -> out.add(t.getValue()));
    return out;
  }

  private static boolean hasColourBar(JFreeChart chart) {
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof PaintScaleLegend) {
        return true;
      }
    }
    return false;
  }

  @Test
  void coloursArePerceptuallyOrderedViridisNotARainbow() {
    double last = -1;
    for (int i = 0; i <= 100; i++) {
      double l = Viridis.luminance(i / 100.0);
      assertTrue(l > last, "viridis gets lighter monotonically, no hard jumps: " + i);
      assertTrue(i == 0 || l - last < 0.03, "no jump between neighbouring colours at " + i);
      last = l;
    }
    assertEquals(0x440154, Viridis.rgb(0) & 0xFFFFFF);
    assertEquals(0xFDE725, Viridis.rgb(1) & 0xFFFFFF);
  }

  @Test
  void everyMatrixAndContourHasAColourBarAndItsTrialsAsPoints() {
    Observations obs = Observations.of(study(40));
    NumericParameter x = numeric(obs, "x");
    NumericParameter lr = numeric(obs, "lr");
    CellGrid g = CellGrid.compute(obs, x, lr, ValueKey.LOSS, 1, Reduction.MIN);
    List<double[]> points = CellGrid.selected(obs, x, lr, ValueKey.LOSS, 1).stream()
        .map(o -> new double[] {o.number("x"), o.number("lr")}).toList();
    JFreeChart matrix = HeatMapChart.create(g, PairOutputs.positions(g, LossScale.of(g.occupiedValues())), "t", "s",
        ChartStyle.colourBar("loss", LossScale.of(g.occupiedValues())), points);
    assertTrue(hasColourBar(matrix));
    assertEquals(40, matrix.getXYPlot().getDataset().getItemCount(0), "all 40 trials are drawn over the matrix");
    JFreeChart contour = ContourChart.create(ContourField.compute(obs, x, lr), null);
    assertTrue(hasColourBar(contour));
    assertEquals(40, contour.getXYPlot().getDataset().getItemCount(0), "all 40 trials are drawn over the contour");
  }

  @Test
  void sparseRegionsOfAContourAreNotDrawn() {
    // two clusters of trials, nothing in between: the middle of the plane must stay blank
    List<Map<String, Object>> params = new ArrayList<>();
    double[] losses = new double[20];
    for (int i = 0; i < 20; i++) {
      double x = i < 10 ? 0.1 * i : 9 + 0.1 * (i - 10);
      params.add(Map.of("x", x, "depth", 1 + i % 4, "lr", 1e-3));
      losses[i] = x;
    }
    Observations obs = Observations.of(TestStudies.of(space(), params, losses, Direction.MINIMIZE));
    ContourField f = ContourField.compute(obs, numeric(obs, "x"), numeric(obs, "depth"));
    int middle = ContourField.GRID / 2;
    assertTrue(Double.isNaN(f.values()[middle][middle]), "no trial near x = 5: not drawn");
    assertFalse(Double.isNaN(f.values()[0][0]), "the clusters themselves are drawn");
    assertTrue(f.coverage() < 0.8, "coverage " + f.coverage());
  }

  @Test
  void integerParametersGetIntegerTicksAndHonestBucketTitles() throws Exception {
    Observations obs = Observations.of(study(40));
    NumericParameter depth = numeric(obs, "depth");
    double[] values = obs.all().stream().mapToDouble(o -> o.number("depth")).toArray();
    List<Double> ticks0 = tickValues(ChartStyle.parameterAxis(depth, values), RectangleEdge.BOTTOM);
    assertTrue(ticks0.size() >= 4, ticks0.toString());
    for (double v : ticks0) {
      assertEquals(Math.rint(v), v, "tick " + v + " on an integer axis");
    }
    assertEquals("one bucket per value", SingleParameterOutputs.bucketWords(obs, depth, ValueKey.LOSS, 1),
        "4 values are not '20 buckets'");
    CellGrid g = CellGrid.compute(obs, depth, numeric(obs, "x"), ValueKey.LOSS, 1, Reduction.MIN);
    JFreeChart m = HeatMapChart.create(g, PairOutputs.positions(g, LossScale.of(g.occupiedValues())), "t", "s",
        ChartStyle.colourBar("loss", LossScale.of(g.occupiedValues())), List.of());
    ValueAxis axis = m.getXYPlot().getDomainAxis();
    BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
    @SuppressWarnings("unchecked")
    List<Object> ticks = axis.refreshTicks(img.createGraphics(), new AxisState(), new Rectangle2D.Double(0, 0, 700, 500),
        RectangleEdge.BOTTOM);
    assertEquals(List.of("1", "2", "3", "4"), ticks.stream().map(t -> (NumberTick) t)
            .filter(t -> t.getTickType() == org.jfree.chart.axis.TickType.MAJOR).map(NumberTick::getText).toList(),
        "matrix cells of an integer are labelled with its values, not with half-step edges");
  }

  @Test
  void branchChoicesAreLabelledWithTheirBranchesNames() throws Exception {
    var space =
        io.hypermax.core.space.SpaceParser.parse(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{\"model\":{\"anyOf\":["
                        + "{\"type\":\"object\",\"properties\":{\"kind\":{\"constant\":\"forest\"},\"depth\":{\"type\":\"number\",\"min\":1,\"max\":10}}},"
                        + "{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"number\",\"min\":0.01,\"max\":10}}}]}}}"));
    StudySnapshot snap = TestStudies.sampled(space, 30, 2, q -> q.size(), q -> 1, Direction.MINIMIZE);
    Observations obs = Observations.of(snap);
    Parameter choice = obs.categorical().get(0);
    List<String> labels = CategoryStats.of(obs, choice).groups().stream().map(CategoryStats.Group::label).toList();
    assertEquals(List.of("forest", "c"), labels, "a string constant names its branch, else the branch's parameters");
    ChartPass.run(snap, dir, 1, ChartSet.SUMMARY);
    String csv = Files.readString(dir.resolve("model").resolve("slice_model.csv"));
    assertTrue(csv.contains("\nforest,") && csv.contains("\nc,"), csv);
    assertFalse(csv.contains("branch 0"), csv);
  }

  @Test
  void contoursAreOnlyDrawnForParametersThatAreActiveTogether() throws Exception {
    var space =
        io.hypermax.core.space.SpaceParser.parse(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\",\"min\":0,\"max\":1},"
                        + "\"model\":{\"anyOf\":["
                        + "{\"type\":\"object\",\"properties\":{\"depth\":{\"type\":\"number\",\"min\":1,\"max\":10}}},"
                        + "{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"number\",\"min\":0.01,\"max\":10}}}]}}}"));
    Observations obs = Observations.of(TestStudies.sampled(space, 40, 5, q -> q.size(), q -> 1, Direction.MINIMIZE));
    List<String> pairs = SummaryOutputs.topPairs(obs, Optional.empty()).stream()
        .map(p -> p[0].path() + "+" + p[1].path()).toList();
    assertEquals(List.of("x+model.0.depth", "x+model.1.c"), pairs, "depth and c are never active together");
  }

  @Test
  void trendLinesStayWithinTheData() {
    Observations obs = Observations.of(study(40));
    NumericParameter x = numeric(obs, "x");
    ParameterSeries s = ParameterSeries.raw(obs, x, ValueKey.LOSS, 1);
    JFreeChart chart = SeriesChart.create(s, "t", "s");
    XYDataset data = chart.getXYPlot().getDataset();
    double lo = s.points().get(0).x();
    double hi = s.points().get(s.points().size() - 1).x();
    for (int i = 0; i < data.getItemCount(1); i++) {
      double tx = data.getXValue(1, i);
      assertTrue(tx >= lo && tx <= hi, "trend at " + tx + " outside the data " + lo + ".." + hi);
    }
    double maxLoss = s.points().stream().mapToDouble(ParameterSeries.Point::value).max().orElseThrow();
    assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() < maxLoss * 1.2 + 1,
        "the loss axis spans the points, a bending trend does not stretch it");
  }

  @Test
  void lossesSpanningDecadesGetALogAxis() {
    List<Map<String, Object>> params = new ArrayList<>();
    double[] losses = new double[30];
    for (int i = 0; i < 30; i++) {
      params.add(Map.of("x", i / 3.0, "depth", 1 + i % 4, "lr", 1e-3));
      losses[i] = Math.pow(10, -i / 6.0); // 5 decades
    }
    Observations obs = Observations.of(TestStudies.of(space(), params, losses, Direction.MINIMIZE));
    assertTrue(LossScale.of(losses).log());
    assertInstanceOf(LogAxis.class, HistoryChart.create(History.of(obs)).getXYPlot().getRangeAxis());
    assertFalse(LossScale.of(new double[] {0.2, 0.5, 0.9}).log(), "less than two decades stays linear");
    assertFalse(LossScale.of(new double[] {-1, 100, 1000}).log(), "non-positive losses cannot be on a log axis");
  }

  @Test
  void correlationsOfferPlainSpearmanBesideTheRescaledColumn() {
    Observations obs = Observations.of(study(60));
    Correlations c = Correlations.compute(obs);
    int x = c.features().labels().indexOf("x");
    int depth = c.features().labels().indexOf("depth");
    for (double[] row : c.spearman()) {
      for (double v : row) {
        assertTrue(v >= -1 && v <= 1, "a correlation coefficient: " + v);
      }
    }
    double strongest = Math.max(Math.abs(c.raw()[x][x]), Math.abs(c.raw()[depth][depth]));
    assertTrue(Math.abs(c.spearman()[depth][depth]) < 0.9, "depth vs loss is a moderate relation");
    assertEquals(10, Math.max(Math.abs(c.scaled()[x][x]), Math.abs(c.scaled()[depth][depth])), 1e-9,
        "the rescaled column keeps the original's ±10 (" + strongest + " reads as 10)");
  }

  @Test
  void theTimelineShowsRunningFailedAndKilledTrialsPerWorker() {
    SearchSpace space = space();
    Instant t0 = Instant.ofEpochSecond(1_700_000_000L);
    Assignment a = new Assignment(Map.of("x", 1.0, "depth", 2, "lr", 0.01));
    List<Trial> trials = List.of(
        Trial.running(0, a, space.nest(a), t0).finish(TrialResult.complete(1, 10, Map.of()), t0.plusSeconds(10)),
        Trial.running(1, a, space.nest(a), t0).finish(TrialResult.failed("boom", 3), t0.plusSeconds(3)),
        Trial.running(2, a, space.nest(a), t0.plusSeconds(3)).finish(TrialResult.killed(9, "too slow", 5), t0.plusSeconds(8)),
        Trial.running(3, a, space.nest(a), t0.plusSeconds(10)));
    Timeline t = Timeline.of(new StudySnapshot(space, trials, Direction.MINIMIZE, 4, 1));
    assertEquals(2, t.lanes(), "two trials ran at once");
    assertEquals(0, t.entries().get(0).lane());
    assertEquals(1, t.entries().get(1).lane());
    assertEquals(1, t.entries().get(2).lane(), "trial 2 reuses the worker trial 1 freed");
    assertEquals(0, t.entries().get(3).lane(), "trial 3 starts when trial 0 ends");
    assertEquals(10, t.entries().get(3).end(), 1e-9, "a running trial lasts until now (the newest time)");
    JFreeChart chart = TimelineChart.create(t);
    List<String> legend = new ArrayList<>();
    var items = chart.getXYPlot().getFixedLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      legend.add(items.get(i).getLabel());
    }
    assertEquals(List.of("complete (1)", "failed (1)", "killed (1)", "running (1)"), legend);
    assertEquals(4, ((XYPlot) chart.getPlot()).getAnnotations().size(), "one bar per trial");
  }

  @Test
  void aQuickStartSizedStudyWritesTensOfFilesNotHundreds() throws Exception {
    SearchSpace space = new SearchSpace(List.of(
        Parameter.of("n", NumberDistribution.integer(1, 300, true)),
        Parameter.of("lr", NumberDistribution.logUniform(0.01, 1)),
        Parameter.of("depth", NumberDistribution.integer(1, 4, false)),
        Parameter.of("sub", NumberDistribution.uniform(0.5, 1))));
    StudySnapshot snap = TestStudies.sampled(space, 40, 1, p -> ((Number) p.get("sub")).doubleValue(), p -> 1,
        Direction.MINIMIZE);
    var results = JsonNodeFactory.instance.objectNode();
    var ctx = new io.hypermax.core.spi.ResultGeneratorProvider.Context(new ConfigNode("t", "results", results), dir, null);
    for (var p : List.of(new ChartsProvider(), new CorrelationsProvider(), new ReportProvider())) {
      p.create(ctx).generate(snap);
    }
    long files;
    try (var s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).count();
    }
    // + results.csv, best.json, search.json, journal.jsonl, .lock written by others
    assertTrue(files + 5 < 60, files + " files");
    assertTrue(files > 20, "the summary is there: " + files);
    results.put("charts", "all");
    for (var p : List.of(new ChartsProvider())) {
      p.create(ctx).generate(snap);
    }
    try (var s = Files.walk(dir)) {
      assertTrue(s.filter(Files::isRegularFile).count() > 150, "charts: all keeps the original's files");
    }
  }

  @Test
  void anUnknownChartSetIsAConfigErrorNamingTheKey() {
    var results = JsonNodeFactory.instance.objectNode().put("charts", "everything");
    ConfigException e = assertThrows(ConfigException.class, () -> ChartSet.of(new ConfigNode("s.yaml", "results", results)));
    assertTrue(e.getMessage().contains("results.charts") && e.getMessage().contains("summary"), e.getMessage());
    assertEquals(ChartSet.SUMMARY, ChartSet.of(new ConfigNode("s.yaml", "results", JsonNodeFactory.instance.objectNode())));
  }
}
