package io.hypermax.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.storage.CurveUpdates;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SharedStudyStorage} must do on top of the {@link StorageContract}: {@link
 * SharedStudyStorage#curvesSince} answers, applied in turn, add up to what {@link SharedStudyStorage#load()} shows, and
 * an answer after the last holds only what is new (or everything, marked complete). {@link #open()} is called once per
 * worker: each call is another worker's handle on the same study.
 */
public abstract class SharedStorageContract extends StorageContract {

  @Override
  protected abstract SharedStudyStorage open();

  /** Applies answers in turn, as a pruner's reader does: stored curves and finished statuses. */
  protected static final class Reader {
    private final SharedStudyStorage storage;
    private final Map<Integer, LearningCurve> curves = new HashMap<>();
    private final Map<Integer, TrialStatus> statuses = new HashMap<>();
    private CurveUpdates.Cursor cursor = CurveUpdates.Cursor.START;
    /** Values delivered by answers that were not complete (each should come once), and how many answers were. */
    int incrementalValues;
    int completeAnswers;

    public Reader(SharedStudyStorage storage) {
      this.storage = storage;
    }

    public CurveUpdates read() {
      CurveUpdates u = storage.curvesSince(cursor);
      assertNotNull(u.next(), "an answer says where to read next");
      if (u.complete()) {
        completeAnswers++;
        curves.clear();
        statuses.clear();
      } else {
        incrementalValues += u.intermediates().size();
      }
      for (StoredStudy.Intermediate v : u.intermediates()) {
        curves.compute(v.trial(), (k, c) -> (c == null ? LearningCurve.empty(k) : c).with(v.step(), v.value()));
      }
      statuses.putAll(u.finished());
      cursor = u.next();
      return u;
    }

    /** Trial → [status, steps, values] as {@link LearningCurves#of} would build them from what was read. */
    public Map<Integer, List<Object>> held() {
      LearningCurves c = new LearningCurves();
      curves.values().forEach(curve -> {
        for (int i = 0; i < curve.size(); i++) {
          c.report(curve.trial(), curve.step(i), curve.value(i));
        }
      });
      statuses.forEach(c::finished);
      return SharedStorageContract.shape(c);
    }
  }

  /** Every curve as comparable values: trial number → [status, steps, values]. */
  public static Map<Integer, List<Object>> shape(LearningCurves curves) {
    Map<Integer, List<Object>> out = new TreeMap<>();
    for (LearningCurve c : curves.all()) {
      List<Long> steps = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < c.size(); i++) {
        steps.add(c.step(i));
        values.add(c.value(i));
      }
      out.put(c.trial(), List.of(c.status(), steps, values));
    }
    return out;
  }

  private static void readAndCompare(Reader reader, SharedStudyStorage storage, String when) {
    reader.read();
    assertEquals(shape(LearningCurves.of(storage.load())), reader.held(), "read in turn, " + when);
  }

  private static SharedStudyStorage.Suggester suggesting(double x) {
    return (number, finished, running) -> new Assignment(Map.of("x", x));
  }

  private static Trial finish(Trial t, TrialResult r) {
    return t.finish(r, Instant.now());
  }

  @Test
  void answersReadInTurnAddUpToWhatLoadShows() {
    try (SharedStudyStorage a = open(); SharedStudyStorage b = open()) {
      a.begin(5, 4);
      Reader readsA = new Reader(a);
      Reader readsB = new Reader(b);
      readAndCompare(readsA, a, "before anything");
      Trial t0 = a.claim(suggesting(0.1));
      Trial t1 = b.claim(suggesting(0.2));
      a.recordIntermediate(t0.number(), 1, 0.5);
      b.recordIntermediate(t1.number(), 1, 0.7);
      readAndCompare(readsA, a, "after two workers' first values");
      a.recordIntermediate(t0.number(), 2, 0.4);
      a.recordIntermediate(t0.number(), 2, 0.3); // the same step again: the later value stands
      a.recordCustom(JsonValues.MAPPER.createObjectNode().put("event", "prune").put("trial", t0.number()).put("step", 2));
      readAndCompare(readsA, a, "after a repeated step and a custom event");
      assertTrue(a.finish(finish(t0, TrialResult.complete(0.3, 1, Map.of()))));
      readAndCompare(readsA, a, "after a finish");
      b.releaseRunning(); // t1 goes back to the study with its values
      Trial again = a.claim(suggesting(0.9));
      assertEquals(t1.number(), again.number(), "the re-queued trial is claimed first");
      a.recordIntermediate(again.number(), 1, 0.9);
      a.recordIntermediate(again.number(), 3, 0.8);
      readAndCompare(readsA, a, "after a re-queued trial's new run reported");
      assertTrue(a.finish(finish(again, TrialResult.pruned(0.8, 3, 1))));
      Trial silent = b.claim(suggesting(0.4));
      assertTrue(b.finish(finish(silent, TrialResult.failed("boom", 1))));
      readAndCompare(readsA, a, "after finishes with and without values");
      readAndCompare(readsB, b, "by another worker, all at once");
      readAndCompare(readsA, a, "again, with nothing new");
    }
  }

  @Test
  void anAnswerAfterTheLastHoldsOnlyWhatIsNew() {
    try (SharedStudyStorage s = open()) {
      s.begin(5, 3);
      Trial t0 = s.claim(suggesting(0.1));
      s.recordIntermediate(t0.number(), 1, 0.5);
      Reader reader = new Reader(s);
      reader.read();
      CurveUpdates nothing = reader.read();
      if (!nothing.complete()) {
        assertEquals(List.of(), nothing.intermediates(), "nothing was recorded since");
        assertEquals(Map.of(), nothing.finished(), "nothing finished since");
      }
      s.recordIntermediate(t0.number(), 2, 0.25);
      CurveUpdates one = reader.read();
      if (!one.complete()) {
        assertEquals(List.of(new StoredStudy.Intermediate(t0.number(), 2, 0.25)), one.intermediates(), "only the new value");
        assertEquals(Map.of(), one.finished());
      }
      assertTrue(s.finish(finish(t0, TrialResult.complete(0.25, 1, Map.of()))));
      CurveUpdates end = reader.read();
      if (!end.complete()) {
        assertEquals(List.of(), end.intermediates());
        assertEquals(Map.of(t0.number(), TrialStatus.COMPLETE), end.finished(), "only the new finish");
      }
    }
  }

  /** Values recorded at once by several workers while another reads: none is skipped, none comes twice. */
  @Test
  void aReaderDuringConcurrentReportsMissesNoValue() throws Exception {
    int writers = 4;
    int perWriter = 150;
    try (SharedStudyStorage reading = open()) {
      reading.begin(5, writers);
      List<SharedStudyStorage> handles = new ArrayList<>();
      try {
        for (int w = 0; w < writers; w++) {
          handles.add(open());
        }
        Reader reader = new Reader(reading);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          SharedStudyStorage h = handles.get(w);
          int trial = w;
          Thread t = new Thread(() -> {
            try {
              go.await();
              for (int i = 1; i <= perWriter; i++) {
                h.recordIntermediate(trial, i, trial + i / 1000.0);
              }
            } catch (Exception e) {
              failed.set(true);
            }
          });
          t.start();
          threads.add(t);
        }
        go.countDown();
        int reads = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
          reader.read();
          reads++;
        }
        for (Thread t : threads) {
          t.join();
        }
        reader.read();
        assertTrue(!failed.get(), "every write succeeded");
        Map<Integer, List<Object>> stored = shape(LearningCurves.of(reading.load()));
        Map<Integer, List<Object>> held = reader.held();
        for (int w = 0; w < writers; w++) {
          List<Object> missing = new ArrayList<>((List<?>) stored.get(w).get(1));
          missing.removeAll(held.containsKey(w) ? (List<?>) held.get(w).get(1) : List.of());
          assertEquals(List.of(), missing, "steps of trial " + w + " never read in " + reads + " reads during the writes"
              + " (values must become visible in the order of their positions)");
        }
        assertEquals(stored, held, "after " + reads + " reads during the writes");
        held.values().forEach(c -> assertEquals(perWriter, ((List<?>) c.get(1)).size(), "every value read"));
        if (reader.completeAnswers == 0) {
          assertEquals(writers * perWriter, reader.incrementalValues, "each value came once");
        }
      } finally { // a failed check must not leave the writers' connections open
        for (SharedStudyStorage h : handles) {
          h.close();
        }
      }
    }
  }
}
