package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.internal.basic.IntermediateCsvProvider;
import io.hypermax.results.internal.web.StudyDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** intermediate.csv, the learning-curve chart (PNG + CSV) and the curves in the study document of report.html. */
public class LearningCurveResultsTest {
  @TempDir Path dir;

  static final SearchSpace SPACE = new SearchSpace(List.of(Parameter.of("x", NumberDistribution.uniform(0, 1))));

  /** 6 trials of curves x + 1/step: even ones complete after 8 steps, odd ones pruned at step 2. */
  public static StudySnapshot prunedStudy() {
    LearningCurves curves = new LearningCurves();
    List<Trial> trials = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      double x = 0.1 * (n + 1);
      int steps = n % 2 == 0 ? 8 : 2;
      for (int s = 1; s <= steps; s++) {
        curves.report(n, s, x + 1.0 / s);
      }
      TrialResult r = n % 2 == 0 ? TrialResult.complete(x + 1.0 / 8, 1, Map.of()) : TrialResult.pruned(x + 0.5, 2, 0.3);
      curves.finished(n, r.status());
      Instant t0 = Instant.ofEpochSecond(1_700_000_000L + n);
      Assignment a = new Assignment(Map.of("x", x));
      trials.add(Trial.running(n, a, SPACE.nest(a), t0).finish(r, t0.plusSeconds(1)));
    }
    return new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 6, 1).withCurves(curves, -1);
  }

  @Test
  void intermediateCsvHoldsEveryReportedValueWithTheTrialsStatus() throws Exception {
    StudySnapshot snap = prunedStudy();
    assertEquals(3, snap.prunedCount());
    var ctx = new ResultGeneratorProvider.Context(new ConfigNode("t", "results", JsonNodeFactory.instance.objectNode()), dir, null);
    new IntermediateCsvProvider().create(ctx).generate(snap);
    List<String> lines = Files.readAllLines(dir.resolve(IntermediateCsvProvider.FILE_NAME));
    assertEquals("trial,status,step,value", lines.get(0));
    assertEquals(1 + 3 * 8 + 3 * 2, lines.size());
    assertEquals("1,PRUNED,1," + (0.2 + 1.0), lines.get(9));
    assertEquals("1,PRUNED,2," + (0.2 + 0.5), lines.get(10));
  }

  @Test
  void theLearningCurveChartIsDrawnWithItsData() throws Exception {
    Notes notes = new Notes();
    LearningCurveOutputs.write(prunedStudy(), dir, notes);
    assertEquals(List.of(), notes.lines());
    assertTrue(Files.size(dir.resolve("learning_curves.png")) > 5_000);
    List<String> csv = Files.readAllLines(dir.resolve("learning_curves.csv"));
    assertEquals("trial,status,step,value", csv.get(0));
    assertTrue(csv.contains("3,pruned,2," + (0.4 + 0.5)), csv.toString());
  }

  @Test
  void aStudyWithoutReportsDrawsNoLearningCurvesAndNotesNothing() {
    Notes notes = new Notes();
    StudySnapshot plain = new StudySnapshot(SPACE, List.of(), Direction.MINIMIZE, 1, 1);
    LearningCurveOutputs.write(plain, dir, notes);
    assertEquals(List.of(), notes.lines());
    assertFalse(Files.exists(dir.resolve("learning_curves.png")));
  }

  @Test
  void theStudyDocumentCarriesTheCurvesAndStatuses() {
    StudySnapshot snap = prunedStudy();
    var doc = StudyDocument.of(snap, io.hypermax.results.internal.analysis.Observations.of(snap), java.util.Optional.empty(), List.of(), java.util.Optional.empty());
    var curves = doc.get("curves");
    assertEquals(6, curves.size());
    assertEquals("pruned", curves.get(1).get("status").asText());
    assertEquals(2, curves.get(1).get("steps").size());
    assertEquals("pruned", doc.get("trials").get(1).get("status").asText());
  }
}
