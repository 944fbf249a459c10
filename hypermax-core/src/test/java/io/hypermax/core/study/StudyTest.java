package io.hypermax.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.hypermax.core.objective.Direction;

class StudyTest {
  static final SearchSpace SPACE =
      new SearchSpace(
          List.of(
              Parameter.of("x", NumberDistribution.uniform(-5, 5)),
              Parameter.of("n", NumberDistribution.integer(1, 10, false))));

  static Study study(long seed, int iterations) {
    return Study.builder(SPACE, new PriorSampler()).seed(seed).iterations(iterations).build();
  }

  static double bowl(Map<String, Object> p) {
    double x = ((Number) p.get("x")).doubleValue();
    return x * x + ((Number) p.get("n")).intValue();
  }

  @Test
  void askAndTellNumbersTrialsAndKeepsResults() {
    try (Study study = study(1, 3)) {
      Trial a = study.ask();
      Trial b = study.ask();
      assertEquals(0, a.number());
      assertEquals(1, b.number());
      assertEquals(2, study.trialCount());
      study.tell(b, Map.of("loss", 2.5, "time", 7.0, "accuracy", 0.9));
      study.tell(a, 1.0);
      Trial done = study.snapshot().trials().get(1);
      assertEquals(TrialStatus.COMPLETE, done.status());
      assertEquals(2.5, done.loss());
      assertEquals(7.0, done.result().time());
      assertEquals(Map.of("accuracy", 0.9), done.result().metadata());
      assertThrows(IllegalStateException.class, () -> study.tell(a, 3.0), "a trial is told once");
    }
  }

  @Test
  void aResultWithoutLossIsAFailedTrialNeverALossOfZero() {
    try (Study study = study(1, 2)) {
      Trial t = study.tell(study.ask(), Map.of("accuracy", 0.5));
      assertEquals(TrialStatus.FAILED, t.status());
      assertTrue(Double.isNaN(t.loss()));
      assertTrue(t.result().error().contains("no 'loss'"), t.result().error());
    }
  }

  @Test
  void sameSeedGivesTheSameSequenceAndAnotherSeedDoesNot() {
    List<Map<String, Object>> first = sampledSequence(42);
    assertEquals(first, sampledSequence(42));
    assertNotEquals(first, sampledSequence(43));
  }

  private static List<Map<String, Object>> sampledSequence(long seed) {
    try (Study study = study(seed, 20)) {
      study.run(new FunctionExecutor(StudyTest::bowl), 1, null);
      return study.snapshot().trials().stream().map(t -> t.assignment().values()).toList();
    }
  }

  @Test
  void parallelRunsRespectTheBudgetAndSequenceDoesNotDependOnTiming() {
    try (Study study = study(7, 40)) {
      Study.Outcome outcome = study.run(new FunctionExecutor(p -> {
        Thread.sleep(((Number) p.get("n")).intValue());
        return bowl(p);
      }), 4, null);
      assertEquals(40, outcome.snapshot().trials().size());
      assertEquals(IntStream.range(0, 40).boxed().toList(), outcome.snapshot().trials().stream().map(Trial::number).toList());
      assertTrue(outcome.snapshot().trials().stream().allMatch(t -> t.status() == TrialStatus.COMPLETE));
    }
  }

  @Test
  void stopsAfterMaxFailuresConsecutiveFailuresWithTheLastError() {
    try (Study study = Study.builder(SPACE, new PriorSampler()).seed(1).iterations(100).maxFailures(5).build()) {
      Study.Outcome outcome =
          study.run(new FunctionExecutor(p -> { throw new IllegalArgumentException("model diverged"); }), 1, null);
      assertEquals(5, outcome.snapshot().trials().size());
      assertTrue(outcome.stopReason().contains("5 consecutive failed trials"), outcome.stopReason());
      assertTrue(outcome.stopReason().contains("model diverged"), outcome.stopReason());
      assertTrue(outcome.tooManyFailures());
    }
  }

  @Test
  void aThrowingFunctionFailsOneTrialAndTheSearchGoesOn(@TempDir Path logs) throws Exception {
    try (Study study = study(3, 10)) {
      study.run(new FunctionExecutor(p -> {
        if (((Number) p.get("n")).intValue() > 5) {
          throw new IllegalStateException("n too large: " + p.get("n"));
        }
        return bowl(p);
      }), 1, logs);
      List<Trial> trials = study.snapshot().trials();
      assertEquals(10, trials.size());
      Trial failed = trials.stream().filter(t -> t.status() == TrialStatus.FAILED).findFirst().orElseThrow();
      assertTrue(failed.result().error().contains("n too large"), failed.result().error());
      String log = java.nio.file.Files.readString(logs.resolve("trial_" + failed.number() + ".txt"));
      assertTrue(log.contains("IllegalStateException") && log.contains("at "), "stack trace in the log: " + log);
      assertTrue(trials.stream().anyMatch(t -> t.status() == TrialStatus.COMPLETE));
    }
  }

  @Test
  void trialsThatFailWhileTheStudyStopsAreLeftToRunAgain() throws Exception {
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (Study study = study(1, 5)) {
      Thread loop = new Thread(() -> study.run(request -> {
        started.countDown();
        release.await();
        return io.hypermax.core.trial.TrialResult.failed("python exited with code 137", 0.1);
      }, 1, null));
      loop.start();
      started.await();
      study.stop();
      release.countDown();
      loop.join(5_000);
      assertTrue(study.snapshot().trials().stream().noneMatch(Trial::isFinished),
          "the killed trial is not recorded as FAILED: " + study.snapshot().trials());
    }
  }

  @Test
  void maximizeScoresByNegatedLoss() {
    assertEquals(-3.0, Direction.MAXIMIZE.score(3.0));
    assertEquals(3.0, Direction.MINIMIZE.score(3.0));
    assertThrows(IllegalArgumentException.class, () -> Direction.parse("upwards"));
  }
}
