package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The atpe actions chart: its data in report.html's study document, atpe_actions.png and its CSV twin. */
public class AtpeActionsResultsTest {
  @TempDir Path dir;

  static final SearchSpace SPACE = new SearchSpace(List.of(Parameter.of("x", NumberDistribution.uniform(0, 1))));
  /** Trial n's action in {@link #atpeStudy()}: 4 start-up draws, then the policy's choices. */
  static final List<String> ACTIONS =
      List.of("startup", "startup", "startup", "startup", "tpe", "gp", "tpe-lock", "gp", "storm", "gp");
  static final Map<String, String> FAMILY = Map.of("startup", "random", "tpe", "tpe", "tpe-lock", "tpe", "gp", "gp", "storm", "storm");

  /** 10 trials with atpe metadata; the loss falls at trials 5 and 7 (gp), and trial 8 failed. */
  public static StudySnapshot atpeStudy() {
    double[] losses = {0.9, 0.7, 0.8, 0.75, 0.72, 0.4, 0.5, 0.2, Double.NaN, 0.3};
    List<Trial> trials = new ArrayList<>();
    for (int n = 0; n < ACTIONS.size(); n++) {
      Map<String, Object> meta = Map.of("atpe.action", ACTIONS.get(n), "atpe.family", FAMILY.get(ACTIONS.get(n)), "atpe.model", "v1");
      TrialResult r = n == 8
          ? TrialResult.failed("diverged", 1).withExtraMetadata(meta)
          : TrialResult.complete(losses[n], 1, meta);
      trials.add(trial(n, r));
    }
    return new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 10, 1);
  }

  static StudySnapshot plainStudy() {
    List<Trial> trials = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      trials.add(trial(n, TrialResult.complete(1.0 / (n + 1), 1, Map.of("epochs", 3))));
    }
    return new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 6, 1);
  }

  private static Trial trial(int n, TrialResult r) {
    Instant t0 = Instant.ofEpochSecond(1_700_000_000L + n);
    Assignment a = new Assignment(Map.of("x", 0.1 * n));
    return Trial.running(n, a, SPACE.nest(a), t0).finish(r, t0.plusSeconds(1));
  }

  /** report.html's embedded study document, the data hypermax-charts.js draws from. */
  private JsonNode reportDocument(StudySnapshot snap) throws Exception {
    var ctx = new ResultGeneratorProvider.Context(new ConfigNode("t", "results", JsonNodeFactory.instance.objectNode()), dir, null);
    new ReportProvider().create(ctx).generate(snap);
    String html = Files.readString(dir.resolve(ReportProvider.FILE_NAME));
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"hm-study\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "report.html embeds the study document");
    return JsonValues.MAPPER.readTree(m.group(1));
  }

  @Test
  void aReportOfAnAtpeStudyHasTheActionOfEveryTrialWithItsFamilyLossAndBestSoFar() throws Exception {
    JsonNode a = reportDocument(atpeStudy()).get("atpeActions");
    assertEquals(List.of("startup", "tpe", "gp", "tpe-lock", "storm"), JsonValues.MAPPER.convertValue(a.get("actions"), List.class),
        "rows in the order of first use");
    JsonNode trials = a.get("trials");
    assertEquals(ACTIONS.size(), trials.size());
    double[] best = {0.9, 0.7, 0.7, 0.7, 0.7, 0.4, 0.4, 0.2, 0.2, 0.2};
    for (int n = 0; n < ACTIONS.size(); n++) {
      JsonNode t = trials.get(n);
      assertEquals(n, t.get("trial").asInt());
      assertEquals(ACTIONS.get(n), t.get("action").asText());
      assertEquals(FAMILY.get(ACTIONS.get(n)), t.get("family").asText());
      assertEquals(best[n], t.get("best").asDouble(), "the best loss up to trial " + n);
    }
    assertEquals("failed", trials.get(8).get("status").asText());
    assertTrue(trials.get(8).get("loss").isNull(), "a failed trial has no loss");
    assertEquals(0.4, trials.get(5).get("loss").asDouble());
  }

  @Test
  void aFunctionReturningItsOwnActionsCannotGrowTheChartWithoutBound() {
    List<Trial> trials = new ArrayList<>();
    for (int n = 0; n < 200; n++) {
      trials.add(trial(n, TrialResult.complete(1.0 / (n + 1), 1, Map.of("atpe.action", "a" + n, "atpe.family", "x"))));
    }
    var actions = io.hypermax.results.internal.analysis.AtpeActions.of(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 200, 1));
    assertEquals(io.hypermax.results.internal.analysis.AtpeActions.MAX_ROWS, actions.actions().size());
    assertEquals(200, actions.entries().size());
    assertEquals(io.hypermax.results.internal.analysis.AtpeActions.OTHER, actions.entries().get(199).action());
    assertEquals("a28", actions.entries().get(28).action());
  }

  @Test
  void aReportOfAnotherOptimizersStudyHasNoActionsChart() throws Exception {
    JsonNode doc = reportDocument(plainStudy());
    assertNull(doc.get("atpeActions"));
    assertEquals(6, doc.get("trials").size(), "the rest of the document is there");
  }

  @Test
  void theChartPassDrawsTheActionsAndWritesTheirCsvTwin() throws Exception {
    Notes notes = new Notes();
    AtpeActionOutputs.write(atpeStudy(), dir, notes);
    assertEquals(List.of(), notes.lines());
    assertTrue(Files.size(dir.resolve("atpe_actions.png")) > 5_000);
    List<String> csv = Files.readAllLines(dir.resolve("atpe_actions.csv"));
    assertEquals("trial,action,family,status,loss,best_loss", csv.get(0));
    assertEquals(1 + ACTIONS.size(), csv.size());
    assertEquals("5,gp,gp,complete,0.4,0.4", csv.get(6));
    assertEquals("8,storm,storm,failed,,0.2", csv.get(9), "a failed trial: no loss, the best so far stays");
  }

  @Test
  void aStudyWithoutActionsGetsNoActionsFilesAndNoNote() throws Exception {
    Notes notes = new Notes();
    AtpeActionOutputs.write(plainStudy(), dir, notes);
    assertEquals(List.of(), notes.lines());
    assertFalse(Files.exists(dir.resolve("atpe_actions.png")));
    assertFalse(Files.exists(dir.resolve("atpe_actions.csv")));
  }
}
