package io.hypermax.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectiveTest {
  private static final Metric ACCURACY = Metric.value("accuracy", 2, Direction.MAXIMIZE, null);
  private static final Metric TIME = Metric.penalty("time", MetricType.TIME, 1, new Penalty(5, 10, 0.1));

  @Test
  void theLossIsTheWeightedSumAndEveryTermIsRecorded() {
    Objective o = new Objective(List.of(ACCURACY, TIME), false);
    // A result object without 'loss': the parser fails it, the metrics score it.
    TrialResult raw = ResultParser.parse(Map.of("accuracy", 0.9, "time", 9.0), 20.0);
    TrialResult r = o.apply(raw);
    assertEquals(TrialStatus.COMPLETE, r.status());
    assertEquals(2 * -0.9 + 0.064, r.loss(), 1e-12);
    assertEquals(9.0, r.time(), 0.0); // the returned time, not the measured 20 s
    assertEquals(0.9, r.metadata().get("accuracy"));
    assertEquals(-0.9, (double) r.metadata().get("objective.accuracy"), 0.0);
    assertEquals(0.064, (double) r.metadata().get("penalty.time"), 1e-12);
    assertTrue(r.objectives().isEmpty(), "weighted mode carries no vector");
  }

  @Test
  void theMeasuredTimeIsUsedWhenTheResultGivesNone() {
    Objective o = new Objective(List.of(Metric.value("loss", 1, Direction.MINIMIZE, null), TIME), false);
    TrialResult r = o.apply(ResultParser.parse(Map.of("loss", 0.5), 6.0));
    assertEquals(0.5 + 0.004, r.loss(), 1e-12);
    assertEquals(0.5, r.metadata().get("loss"), "the raw loss stays visible");
  }

  @Test
  void aMissingMetricFailsTheTrialNamingIt() {
    Objective o = new Objective(List.of(ACCURACY, TIME), false);
    TrialResult r = o.apply(ResultParser.parse(Map.of("acc", 0.9), 1.0));
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("metric 'accuracy' is missing"), r.error());
    assertTrue(r.error().contains("acc"), "lists the fields there are: " + r.error());
    TrialResult text = o.apply(ResultParser.parse(Map.of("accuracy", "high"), 1.0));
    assertTrue(text.error().contains("metric 'accuracy' is not a number"), text.error());
  }

  @Test
  void resourcePenaltiesUseTheMeasuredUsageAndFailWhenItIsUnknown() {
    Metric ram = Metric.penalty("ram", MetricType.RAM, 1, new Penalty(100, 200, 1));
    Metric cpu = Metric.penalty("cpu", MetricType.CPU, 0.5, new Penalty(1, 3, 2));
    Objective o = new Objective(List.of(Metric.value("loss", 1, Direction.MINIMIZE, null), ram, cpu), false);
    TrialResult measured = TrialResult.complete(1.0, 2.0, Map.of()).withUsage(new ResourceUsage(150, 2, 2));
    TrialResult r = o.apply(measured);
    assertEquals(1.0 + 0.25 + 0.5 * 0.5, r.loss(), 1e-12);
    assertEquals(0.25, (double) r.metadata().get("penalty.ram"), 1e-12);
    assertEquals(0.5, (double) r.metadata().get("penalty.cpu"), 1e-12);
    TrialResult unmeasured = o.apply(TrialResult.complete(1.0, 2.0, Map.of()).withUsage(ResourceUsage.wallOnly(2)));
    assertEquals(TrialStatus.FAILED, unmeasured.status());
    assertTrue(unmeasured.error().contains("metric 'ram' (type ram)"), unmeasured.error());
  }

  @Test
  void paretoResultsCarryTheVectorToMinimise() {
    Objective o = new Objective(List.of(ACCURACY, TIME), true);
    TrialResult r = o.apply(ResultParser.parse(Map.of("accuracy", 0.8, "time", 10.0), 1));
    assertEquals(List.of("accuracy", "time"), List.copyOf(r.objectives().keySet()));
    assertEquals(-0.8, r.objectives().get("accuracy"), 0.0);
    assertEquals(0.1, r.objectives().get("time"), 1e-12);
    assertEquals(List.of("accuracy", "time"), o.objectiveNames());
  }

  @Test
  void failuresAndKillsPassThroughAndTheDefaultChangesNothing() {
    Objective o = new Objective(List.of(ACCURACY), false);
    TrialResult crashed = TrialResult.failed("boom", 1);
    assertEquals(crashed, o.apply(crashed));
    TrialResult killed = TrialResult.killed(5, "too slow", 1);
    assertEquals(killed, o.apply(killed));
    TrialResult plain = TrialResult.complete(0.3, 1, Map.of("x", 1));
    assertEquals(plain, Objective.LOSS.apply(plain));
  }
}
