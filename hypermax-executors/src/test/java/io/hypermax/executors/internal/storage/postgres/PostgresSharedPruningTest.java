package io.hypermax.executors.internal.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.internal.run.SharedStudyWorker;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.optimizers.internal.pruning.MedianPrunerProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code search.pruner} across two workers of one study in a real PostgreSQL (skipped when it cannot start). */
@Tag("postgres")
class PostgresSharedPruningTest {
  private static final int STEPS = 8;
  private static PostgresServer server;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.startOrSkip();
    server.createDatabase("pruning");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static SharedStudyStorage open(String study) {
    return new PostgresStorageProvider().open(server.url("pruning", study, 30));
  }

  @Test
  void twoWorkersPruneBadTrialsFromEachOthersCurvesAndTheSharedStudyHoldsTheCurves() throws Exception {
    int iterations = 16;
    String study = "prune2w";
    try (SharedStudyStorage first = open(study)) {
      first.begin(11, iterations);
    }
    // Which worker ran which trial, and whether a worker's pruner ever saw a finished curve of the other's trial.
    Map<Integer, Integer> ranBy = new ConcurrentHashMap<>();
    AtomicBoolean sawTheOthers = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> done = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int worker = w;
      done.add(pool.submit(() -> {
        try (SharedStudyStorage s = open(study)) {
          long seed = s.begin(11, iterations);
          Pruner median = new MedianPrunerProvider().create(new PrunerProvider.Context(
              new ConfigNode("search.yaml", "search.pruner", JsonValues.toJson(Map.of("n_startup_trials", 3, "n_warmup_steps", 1))),
              Direction.MINIMIZE, seed));
          Pruner watched = request -> {
            for (LearningCurve c : request.curves().all()) {
              Integer other = ranBy.get(c.trial());
              if (other != null && other != worker && c.status() == TrialStatus.COMPLETE) {
                sawTheOthers.set(true);
              }
            }
            return median.shouldPrune(request);
          };
          FunctionExecutor curve = new FunctionExecutor((params, trial) -> {
            ranBy.put(trial.number(), worker);
            double x = ((Number) params.get("x")).doubleValue();
            double value = x;
            for (int step = 1; step <= STEPS; step++) {
              value = x + 1.0 / step; // the final value orders the trials as x does, from step 1 on
              if (trial.report(step, value)) {
                return value;
              }
              Thread.sleep(15);
            }
            return value;
          });
          return new SharedStudyWorker(s, SleepingWorkerMain.space(), SleepingWorkerMain.random(), Direction.MINIMIZE,
              seed, curve, null, null)
              .pruner(watched, PrunerSettings.NONE)
              .run(2);
        }
      }));
    }
    int total = 0;
    for (Future<Integer> f : done) {
      total += f.get(180, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(iterations, total, "trials recorded by the two workers together");
    assertEquals(Set.of(0, 1), new HashSet<>(ranBy.values()), "both workers ran trials");

    try (SharedStudyStorage s = open(study)) {
      StoredStudy stored = s.load();
      assertEquals(iterations, stored.finished().size(), "exactly iterations trials");
      Set<Integer> numbers = new HashSet<>();
      stored.finished().forEach(t -> assertTrue(numbers.add(t.number()), "trial " + t.number() + " twice"));
      List<Trial> pruned = stored.finished().stream().filter(t -> t.status() == TrialStatus.PRUNED).toList();
      long complete = stored.finished().stream().filter(t -> t.status() == TrialStatus.COMPLETE).count();
      assertFalse(pruned.isEmpty(), "some trials were pruned: " + stored.finished());
      assertTrue(complete >= 3, "the start-up trials completed: " + complete);
      assertTrue(sawTheOthers.get(), "a worker's pruner saw the other worker's finished curves");

      LearningCurves curves = LearningCurves.of(stored);
      assertEquals(iterations, curves.size(), "every trial's curve is in the shared storage");
      int stoppedEarly = 0;
      for (Trial t : stored.finished()) {
        LearningCurve c = curves.get(t.number());
        assertNotNull(c, "curve of trial " + t.number());
        if (t.status() == TrialStatus.COMPLETE) {
          assertEquals(STEPS, c.size(), "a complete trial reported every step: trial " + t.number());
        } else {
          assertEquals(TrialStatus.PRUNED, t.status());
          // Pruned at any reported step, the last one included (then it saved nothing, but it is still PRUNED).
          assertTrue(c.size() <= STEPS, "a pruned trial reported no more than every step: trial " + t.number());
          if (c.size() < STEPS) {
            stoppedEarly++;
          }
          assertEquals(c.lastStep(), t.result().prunedStep(), "pruned at its last reported step: trial " + t.number());
          assertEquals(c.lastValue(), t.result().loss(), 1e-12, "PRUNED with its last value: trial " + t.number());
        }
      }
      assertTrue(stoppedEarly >= 1, "pruning stopped some trial before its last step: " + pruned);
      Set<Integer> decided = new HashSet<>();
      for (JsonNode e : stored.customEvents()) {
        if ("prune".equals(e.path("event").asText())) {
          decided.add(e.path("trial").asInt());
        }
      }
      assertEquals(pruned.stream().map(Trial::number).collect(java.util.stream.Collectors.toSet()), decided,
          "each PRUNED trial's decision is recorded in the shared study");
    }
  }
}
