package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.results.TestStudies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart, correlation and report generators on small, degenerate and switched-off studies. */
class GeneratorsTest {
  @TempDir Path dir;

  /** Every generator with {@code results.charts: all}, so the original's files are there to check. */
  private void runAll(StudySnapshot snap, boolean graphs) throws Exception {
    run(snap, graphs, "all", new ChartsProvider(), new CorrelationsProvider(), new ReportProvider());
  }

  private void run(StudySnapshot snap, boolean graphs, ResultGeneratorProvider... providers) throws Exception {
    run(snap, graphs, null, providers);
  }

  private void run(StudySnapshot snap, boolean graphs, String charts, ResultGeneratorProvider... providers) throws Exception {
    ObjectNode results = JsonNodeFactory.instance.objectNode().put("graphs", graphs);
    if (charts != null) {
      results.put("charts", charts);
    }
    var ctx = new ResultGeneratorProvider.Context(new ConfigNode("test", "results", results), dir, null);
    for (ResultGeneratorProvider p : providers) {
      p.create(ctx).generate(snap);
    }
  }

  private static StudySnapshot study(List<Map<String, Object>> params, double[] losses) {
    return TestStudies.of(TestStudies.threeNumericOneCategorical(), params, losses, Direction.MINIMIZE);
  }

  private static Map<String, Object> p(double x, double lr, int layers, String act) {
    return Map.of("x", x, "lr", lr, "layers", layers, "act", act);
  }

  @Test
  void aSingleResultStudySkipsChartsWithNotesAndStillWritesTheReport() throws Exception {
    runAll(study(List.of(p(1, 0.01, 2, "relu")), new double[] {0.5}), true);
    String notes = Files.readString(dir.resolve(ChartPass.NOTES));
    assertTrue(notes.contains("x/loss_chart_x.png: skipped, fewer than 2 results"), notes);
    assertTrue(notes.contains("x/lr/: skipped, fewer than 2 results"), notes);
    assertTrue(notes.contains("importance.png: skipped, needs at least 3 results"), notes);
    assertTrue(Files.isRegularFile(dir.resolve("optimization_history.png")));
    assertFalse(Files.exists(dir.resolve(CorrelationsProvider.FILE_NAME)));
    String html = Files.readString(dir.resolve(ReportProvider.FILE_NAME));
    assertTrue(html.contains("Trial 0: loss <b>0.5</b>"), html);
    assertTrue(html.contains("fewer than 2 results"), "the report lists the skipped charts");
  }

  @Test
  void anAllEqualStudyDoesNotFail() throws Exception {
    List<Map<String, Object>> params = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      params.add(p(2, 0.1, 3, "tanh"));
    }
    runAll(study(params, new double[12]), true);
    String notes = Files.readString(dir.resolve(ChartPass.NOTES));
    assertTrue(notes.contains("x/loss_chart_x.png: skipped, x has a single value in these results"), notes);
    assertFalse(notes.contains("failed"), notes);
    assertTrue(Files.isRegularFile(dir.resolve("act/loss_box_act.png")));
    assertTrue(Files.isRegularFile(dir.resolve(ReportProvider.FILE_NAME)));
    // no parameter varies: correlations has only its header column
    assertEquals("field\n", Files.readString(dir.resolve(CorrelationsProvider.FILE_NAME)));
  }

  @Test
  void equalLossesOverVaryingParametersAreDrawn() throws Exception {
    List<Map<String, Object>> params = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      params.add(p(i, Math.pow(10, -i / 3.0), 1 + i % 6, i % 2 == 0 ? "relu" : "tanh"));
    }
    var obs = io.hypermax.results.internal.analysis.Observations.of(study(params, new double[12]));
    Notes notes = new Notes();
    PairOutputs.write(obs, obs.numeric().get(0), obs.numeric().get(1), dir, notes);
    SingleParameterOutputs.write(obs, obs.numeric().get(1), dir, notes);
    assertEquals(List.of(), notes.lines());
    assertTrue(Files.isRegularFile(dir.resolve("x/lr/loss_matrix_min_x_lr.png")));
    assertTrue(Files.isRegularFile(dir.resolve("lr/loss_chart_min_bucketed_lr.png")));
  }

  @Test
  void graphsFalseWritesNoChartsButStillTheReport() throws Exception {
    StudySnapshot snap =
        TestStudies.sampled(TestStudies.threeNumericOneCategorical(), 20, 4, TestStudies::bowl, q -> 1, Direction.MINIMIZE);
    runAll(snap, false);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(ReportProvider.FILE_NAME), files.map(f -> f.getFileName().toString()).toList());
    }
    String html = Files.readString(dir.resolve(ReportProvider.FILE_NAME));
    assertFalse(html.contains("<img"), "no images when charts are off");
    assertTrue(html.contains("Parameter importance"));
  }

  @Test
  void theReportIsOneSelfContainedPage() throws Exception {
    StudySnapshot snap =
        TestStudies.sampled(TestStudies.threeNumericOneCategorical(), 40, 4, TestStudies::bowl, q -> 1, Direction.MINIMIZE);
    run(snap, true, new ReportProvider());
    String html = Files.readString(dir.resolve(ReportProvider.FILE_NAME), StandardCharsets.UTF_8);
    assertTrue(html.contains("<div id=\"hm-charts\"></div>"));
    assertTrue(html.contains("<script type=\"application/json\" id=\"hm-study\">{\"format\":1,"), "the study document");
    assertTrue(html.contains("HypermaxCharts.render("), "the shared front-end draws the charts");
    assertTrue(html.contains("Apache ECharts " + io.hypermax.results.internal.web.WebAssets.echartsVersion()), "ECharts is inlined");
    assertTrue(html.length() > 900_000, "the chart library is embedded, not linked: " + html.length());
    assertTrue(html.contains("<h2>Correlations</h2>"));
    String lower = html.toLowerCase(java.util.Locale.ROOT);
    assertFalse(lower.contains("<script src") || lower.contains("<link") || lower.contains("src=\"http")
        || lower.contains("url(http"), "nothing is loaded from the network");
    String best = snap.best().orElseThrow().number() + "";
    assertTrue(html.contains("Trial " + best + ": loss"));
  }

  @Test
  void correlationsCsvHasAHeaderAndOneRowPerFeature() throws Exception {
    StudySnapshot snap =
        TestStudies.sampled(TestStudies.threeNumericOneCategorical(), 30, 4, TestStudies::bowl, q -> 1, Direction.MINIMIZE);
    run(snap, true, new CorrelationsProvider());
    List<String> lines = Files.readAllLines(dir.resolve(CorrelationsProvider.FILE_NAME));
    assertEquals("field,x,lr,layers,act=relu,act=tanh,act=sigmoid", lines.get(0));
    assertEquals(7, lines.size());
    assertTrue(lines.get(1).startsWith("x,"));
  }

  @Test
  void branchParametersAreChartedFromTheTrialsWhereTheyAreActive() throws Exception {
    var space =
        io.hypermax.core.space.SpaceParser.parse(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{\"model\":{\"anyOf\":["
                        + "{\"type\":\"object\",\"properties\":{\"depth\":{\"type\":\"number\",\"min\":1,\"max\":10}}},"
                        + "{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"number\",\"min\":0.01,\"max\":10,\"scaling\":\"logarithmic\"}}}]}}}"));
    StudySnapshot snap = TestStudies.sampled(space, 40, 2, q -> q.size(), q -> 1, Direction.MINIMIZE);
    runAll(snap, true);
    String notes = Files.readString(dir.resolve(ChartPass.NOTES));
    assertFalse(notes.contains("failed"), notes);
    List<String> numeric = space.parameters().stream().filter(q -> !q.isChoice()).map(q -> q.path()).toList();
    for (String path : numeric) {
      assertTrue(Files.isRegularFile(dir.resolve(path).resolve("loss_chart_min_bucketed_" + path + ".png")), path);
    }
    assertTrue(notes.contains("model.0.depth/model.1.c/: skipped, fewer than 2 results have both"), notes);
    Trial any = snap.trials().get(0);
    assertTrue(any.assignment() instanceof Assignment);
  }
}
