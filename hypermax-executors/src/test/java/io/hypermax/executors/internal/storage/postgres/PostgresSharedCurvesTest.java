package io.hypermax.executors.internal.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.run.SharedPruningScenario;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.PrunerProvider;
import io.hypermax.core.storage.CurveUpdates;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.optimizers.internal.pruning.MedianPrunerProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pruners' curves read incrementally from a real PostgreSQL ({@code curvesSince}): only rows past the cursor come
 * back, and workers' pruners see (and decide on) what a whole reload per report gave them. Skipped when PostgreSQL
 * cannot start.
 */
@Tag("postgres")
class PostgresSharedCurvesTest {
  private static PostgresServer server;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.startOrSkip();
    server.createDatabase("curves");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static PostgresStudyStorage open(String study) {
    return new PostgresStorageProvider().open(server.url("curves", study, 60));
  }

  @Test
  void aReadPastTheCursorReturnsOnlyTheNewRowsOfItsStudy() throws Exception {
    try (PostgresStudyStorage s = open("only_new"); PostgresStudyStorage other = open("neighbour")) {
      s.begin(1, 2);
      other.begin(1, 1);
      Trial t = s.claim((number, finished, running) -> SleepingWorkerMain.space().sample(io.hypermax.core.study.TrialSeeds.forTrial(1, number)));
      for (int i = 1; i <= 300; i++) {
        s.recordIntermediate(t.number(), i, i / 100.0);
      }
      CurveUpdates all = s.curvesSince(CurveUpdates.Cursor.START);
      assertFalse(all.complete(), "PostgreSQL answers with what is new, never with everything");
      assertEquals(300, all.intermediates().size());
      assertEquals(s.load().intermediates(), all.intermediates(), "from the start: every value, in load()'s order");

      other.recordIntermediate(0, 1, 9.0); // another study's rows in the same table are not this study's
      s.recordCustom(JsonValues.MAPPER.createObjectNode().put("event", "prune").put("trial", t.number()).put("step", 300));
      s.recordIntermediate(t.number(), 301, 3.01);
      s.recordIntermediate(t.number(), 302, 3.02);
      CurveUpdates news = s.curvesSince(all.next());
      assertEquals(List.of(new StoredStudy.Intermediate(t.number(), 301, 3.01), new StoredStudy.Intermediate(t.number(), 302, 3.02)),
          news.intermediates(), "only the two values recorded since (the custom event is read past, not returned)");
      assertEquals(Map.of(), news.finished());
      assertEquals(lastEventSeq("only_new"), news.next().intermediates(), "the cursor is the last event number read");

      assertTrue(s.finish(t.finish(TrialResult.complete(3.02, 1, Map.of()), Instant.now())));
      CurveUpdates finished = s.curvesSince(news.next());
      assertEquals(List.of(), finished.intermediates());
      assertEquals(Map.of(t.number(), TrialStatus.COMPLETE), finished.finished(), "only the new finish");
      assertEquals(news.next().intermediates(), finished.next().intermediates(), "no event since: the event cursor stays");

      CurveUpdates nothing = s.curvesSince(finished.next());
      assertEquals(List.of(), nothing.intermediates());
      assertEquals(Map.of(), nothing.finished());
      assertEquals(finished.next(), nothing.next());
    }
  }

  @Test
  void theIncrementalReadsGoThroughIndexesOnTheirSequenceNumbers() throws Exception {
    try (PostgresStudyStorage s = open("indexed")) {
      s.begin(1, 1);
    }
    List<String> found = new ArrayList<>();
    try (Connection c = server.connect("curves");
        PreparedStatement q = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE tablename IN ('hypermax_trial', 'hypermax_event')");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    assertTrue(found.stream().anyMatch(d -> d.contains("(study_id, finish_seq)")), found.toString());
    assertTrue(found.stream().anyMatch(d -> d.contains("hypermax_event") && d.contains("(study_id, seq)")), found.toString());
  }

  private static long lastEventSeq(String study) throws Exception {
    try (Connection c = server.connect("curves");
        PreparedStatement q = c.prepareStatement(
            "SELECT max(e.seq) FROM hypermax_event e JOIN hypermax_study s ON s.id = e.study_id WHERE s.name = ?")) {
      q.setString(1, study);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Three workers (each its own connection pool and worker name) claim, report, finish, lose their trials while still
   * running them and die, on one thread so it repeats; at every report a median pruner is given the same curves, and
   * makes the same decision, as on a whole reload of the study.
   */
  @Test
  void workersPrunersSeeAndDecideOnWhatAWholeReloadGave() {
    List<SharedPruningScenario.Counts> runs = new ArrayList<>();
    for (long seed = 1; seed <= 2; seed++) {
      String study = "scenario_" + seed;
      Pruner median = new MedianPrunerProvider().create(new PrunerProvider.Context(
          new ConfigNode("search.yaml", "search.pruner", JsonValues.toJson(Map.of("n_startup_trials", 2, "n_warmup_steps", 1))),
          Direction.MINIMIZE, seed));
      runs.add(new SharedPruningScenario(seed, 24, 3).deciding(median).run(() -> open(study)));
    }
    int comparisons = runs.stream().mapToInt(SharedPruningScenario.Counts::comparisons).sum();
    assertTrue(comparisons > 150, "reports compared: " + runs);
    assertTrue(runs.stream().mapToInt(SharedPruningScenario.Counts::requeuedClaims).sum() > 0, "re-queued claims: " + runs);
    assertTrue(runs.stream().mapToInt(SharedPruningScenario.Counts::lateReports).sum() > 0, "reports of lost trials: " + runs);
    assertTrue(runs.stream().mapToInt(SharedPruningScenario.Counts::prunes).sum() > 0, "the median pruner pruned: " + runs);
    assertTrue(runs.stream().mapToInt(SharedPruningScenario.Counts::finishedCurvesSeen).sum() > 0, "finished curves seen: " + runs);
  }
}
