package io.hypermax.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hypermax.core.objective.Direction;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A scale-out worker adds {@code Optimizer.trialMetadata} to each trial's result, as an in-process study does. */
class SharedStudyWorkerMetadataTest {
  private static final SearchSpace SPACE = SearchSpace.builder().number("x", 0, 1).build();
  private static final Executor FUNCTION = request -> TrialResult.complete(0.5, 0.01, Map.of("shared", "function"));

  /** Prior draws; says which trial each suggestion was for, and a key the function's result overrides. */
  private static final class Noting implements Optimizer {
    @Override
    public Assignment suggest(SuggestRequest request) {
      return request.space().sample(request.random());
    }

    @Override
    public Map<String, Object> trialMetadata(int trialNumber) {
      return Map.of("stub.trial", trialNumber, "shared", "optimizer");
    }
  }

  private static final Optimizer SILENT = request -> request.space().sample(request.random());

  @Test
  void everyTrialAWorkerSuggestedCarriesWhatTheOptimizerSaid() throws Exception {
    InMemorySharedStorage storage = new InMemorySharedStorage();
    long seed = storage.begin(3, 4);
    List<Trial> heard = new CopyOnWriteArrayList<>();
    int recorded = new SharedStudyWorker(storage, SPACE, new Noting(), Direction.MINIMIZE, seed, FUNCTION, null, heard::add).run(1);
    assertEquals(4, recorded);
    List<Trial> finished = storage.load().finished();
    assertEquals(4, finished.size());
    for (Trial t : finished) {
      assertEquals(t.number(), t.result().metadata().get("stub.trial"), "in the shared storage: " + t.result().metadata());
      assertEquals("function", t.result().metadata().get("shared"), "the function's own key wins");
    }
    for (Trial t : heard) {
      assertEquals(t.number(), t.result().metadata().get("stub.trial"), "what the worker reports: " + t.result().metadata());
    }
    assertEquals(Map.of("stub.trial", 2, "shared", "optimizer"), storage.startMetadata(2),
        "handed to the storage with the claim, so a re-queued trial keeps it");
  }

  @Test
  void aTrialReQueuedFromADeadWorkerKeepsTheMetadataOfItsSuggestion() throws Exception {
    InMemorySharedStorage storage = new InMemorySharedStorage();
    long seed = storage.begin(3, 3);
    // A worker claims trial 0 with metadata and dies while it runs.
    Trial lost = storage.claim(new SharedStudyStorage.Suggester() {
      @Override
      public Assignment suggest(int number, List<Trial> finished, List<Trial> running) {
        return new Assignment(Map.of("x", 0.25));
      }

      @Override
      public Map<String, Object> metadata(int number) {
        return Map.of("stub.trial", number, "from", "the dead worker");
      }
    });
    assertEquals(0, lost.number());
    storage.requeue(0);
    // This worker's optimizer says nothing: what trial 0 carries comes from its recorded start.
    new SharedStudyWorker(storage, SPACE, SILENT, Direction.MINIMIZE, seed, FUNCTION, null, null).run(1);
    List<Trial> finished = storage.load().finished();
    assertEquals(3, finished.size());
    Trial rerun = finished.stream().filter(t -> t.number() == 0).findFirst().orElseThrow();
    assertEquals(Map.of("x", 0.25), rerun.assignment().values());
    assertEquals("the dead worker", rerun.result().metadata().get("from"));
    assertEquals(0, rerun.result().metadata().get("stub.trial"));
    for (Trial t : finished) {
      if (t.number() != 0) {
        assertNull(t.result().metadata().get("from"), "trial " + t.number() + " was suggested by the silent optimizer");
      }
    }
  }
}
