package io.hypermax.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.storage.StudyStorage;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StudyStorage} backend must do: round trip every record, survive a torn last
 * record, and keep every record of concurrent writers. Extend it with a fresh backend per test:
 *
 * <pre>{@code
 * class MyStorageTest extends StorageContract {
 *   protected StudyStorage open() { return new MyStorage(url); }   // the same study each call
 * }
 * }</pre>
 */
public abstract class StorageContract {

  /** Opens the storage of one study; called again within a test it must reopen the same study. */
  protected abstract StudyStorage open();

  /**
   * Damages the last record as a crash mid-write would (e.g. half a line), or returns false when the
   * backend cannot be torn (the test is then skipped).
   */
  protected boolean tearLastRecord() throws Exception {
    return false;
  }

  /**
   * Whether the backend keeps what {@link StudyStorage#recordTrialStart(Trial, Map)} recorded with a start (the
   * optimizer's metadata, so a re-run after a crash keeps it). A backend that predates it returns false (the test is
   * then skipped): its re-runs lose the metadata, nothing else.
   */
  protected boolean keepsStartMetadata() {
    return true;
  }

  @Test
  void anAbandonedTrialKeepsTheMetadataRecordedWithItsStart() {
    Assumptions.assumeTrue(keepsStartMetadata(), "this backend does not keep a start's metadata");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("atpe.action", "tpe-lock");
    meta.put("atpe.gamma", 0.25);
    try (StudyStorage s = open()) {
      s.recordStudy(1);
      Trial done = started(0, 0.5);
      s.recordTrialStart(done, Map.of("atpe.action", "gp"));
      s.recordTrialEnd(finished(done, TrialResult.complete(0.5, 1, Map.of())));
      s.recordTrialStart(started(1, 0.25), meta);
      s.recordTrialStart(started(2, 0.75)); // without metadata
    }
    try (StudyStorage s = open()) {
      StoredStudy stored = s.load();
      assertEquals(List.of(1, 2), stored.abandoned().stream().map(Trial::number).toList());
      assertEquals(meta, stored.abandonedMetadata(1));
      assertEquals(Map.of(1, meta), stored.abandonedMetadata(), "only abandoned trials with metadata are listed");
    }
  }

  protected static Trial started(int number, double x) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", x);
    params.put("kind", "k" + (number % 3));
    return Trial.running(number, new Assignment(params), Map.of(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number));
  }

  protected static Trial finished(Trial t, TrialResult r) {
    return t.finish(r, t.start().plusMillis(1500));
  }

  @Test
  void aNewStorageHoldsNoStudy() {
    try (StudyStorage s = open()) {
      StoredStudy stored = s.load();
      assertNull(stored.seed());
      assertTrue(stored.finished().isEmpty() && stored.abandoned().isEmpty());
      assertTrue(!s.id().isBlank(), "a backend has an id");
    }
  }

  @Test
  void everyRecordRoundTrips() {
    Trial t0 = started(0, 0.5);
    Trial t1 = started(1, -2.25);
    Trial t2 = started(2, 1e-300);
    ObjectNode custom = JsonValues.MAPPER.createObjectNode().put("event", "parameter").put("name", "lr");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("epochs", 3);
    meta.put("history", List.of(1.5, 2.5));
    TrialResult complete =
        new TrialResult(TrialStatus.COMPLETE, 0.125, 1.5, meta, null, "logs/trial_0.txt", new ResourceUsage(12.5, 0.75, 1.5));
    try (StudyStorage s = open()) {
      s.recordStudy(42);
      s.recordCustom(custom);
      s.recordTrialStart(t0);
      s.recordTrialStart(t1);
      s.recordIntermediate(0, 3, 0.5);
      s.recordTrialEnd(finished(t1, TrialResult.failed("boom\nline two \"quoted\"", 0.25)));
      s.recordTrialEnd(finished(t0, complete));
      s.recordTrialStart(t2);
      s.sync();
    }
    try (StudyStorage s = open()) {
      StoredStudy stored = s.load();
      assertEquals(42L, stored.seed());
      assertEquals(List.of(1, 0), stored.finished().stream().map(Trial::number).toList(), "finished in the order they finished");
      Trial r0 = stored.finished().get(1);
      assertEquals(t0.assignment().values(), r0.assignment().values());
      assertEquals(complete, r0.result());
      assertEquals(t0.start(), r0.start());
      assertEquals(t0.start().plusMillis(1500), r0.end());
      Trial r1 = stored.finished().get(0);
      assertEquals(TrialStatus.FAILED, r1.status());
      assertEquals("boom\nline two \"quoted\"", r1.result().error());
      assertEquals(List.of(2), stored.abandoned().stream().map(Trial::number).toList(), "started, never finished");
      assertEquals(1e-300, (Double) stored.abandoned().get(0).assignment().values().get("x"), 0);
      assertEquals(List.of(new StoredStudy.Intermediate(0, 3, 0.5)), stored.intermediates());
      assertEquals(List.of(custom), stored.customEvents());
      assertEquals(3, stored.nextTrialNumber());
      assertEquals(List.of(), stored.problems());
    }
  }

  @Test
  void nonFiniteLossesSurvive() {
    Trial t = started(0, 1);
    try (StudyStorage s = open()) {
      s.recordStudy(1);
      s.recordTrialStart(t);
      s.recordTrialEnd(finished(t, TrialResult.killed(Double.POSITIVE_INFINITY, "over time", 9)));
    }
    try (StudyStorage s = open()) {
      assertEquals(Double.POSITIVE_INFINITY, s.load().finished().get(0).loss());
    }
  }

  @Test
  void aTornLastRecordIsDroppedAndTheStorageStaysWritable() throws Exception {
    Trial t0 = started(0, 1);
    Trial t1 = started(1, 2);
    try (StudyStorage s = open()) {
      s.recordStudy(7);
      s.recordTrialStart(t0);
      s.recordTrialEnd(finished(t0, TrialResult.complete(1, 1, Map.of())));
      s.recordTrialStart(t1);
    }
    Assumptions.assumeTrue(tearLastRecord(), "this backend cannot be torn");
    try (StudyStorage s = open()) {
      StoredStudy stored = s.load();
      assertEquals(1, stored.finished().size());
      assertEquals(List.of(), stored.problems(), "a torn last record is expected after a crash, not a problem");
      s.recordTrialStart(t1);
      s.recordTrialEnd(finished(t1, TrialResult.complete(2, 1, Map.of())));
    }
    try (StudyStorage s = open()) {
      assertEquals(List.of(0, 1), s.load().finished().stream().map(Trial::number).toList());
    }
  }

  @Test
  void concurrentWritersLoseNoRecord() throws Exception {
    int threads = 4;
    int perThread = 200;
    try (StudyStorage s = open()) {
      s.recordStudy(3);
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int base = w * perThread;
        Thread th = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < perThread; i++) {
            Trial t = started(base + i, base + i);
            s.recordTrialStart(t);
            s.recordTrialEnd(finished(t, TrialResult.complete(base + i, 0.1, Map.of())));
          }
        });
        th.start();
        workers.add(th);
      }
      go.countDown();
      for (Thread th : workers) {
        th.join();
      }
    }
    try (StudyStorage s = open()) {
      StoredStudy stored = s.load();
      assertEquals(List.of(), stored.problems(), "no interleaved, damaged record");
      Set<Integer> numbers = new HashSet<>();
      for (Trial t : stored.finished()) {
        numbers.add(t.number());
        assertEquals(t.number(), t.loss(), 0, "each result stays with its trial");
      }
      assertEquals(threads * perThread, numbers.size());
    }
  }
}
