package io.hypermax.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.storage.CurveUpdates;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link SharedStudyStorage} in memory for core tests: trial slots that are claimed, finished and re-queued as the
 * PostgreSQL storage does it (a re-queued trial keeps its parameters and what its start recorded), with every record
 * kept as a journal would keep it ({@link #load}). No heartbeats: {@link #requeue} plays a dead worker.
 *
 * <p>{@link #curvesSince} answers with only what is new, as PostgreSQL does, except when the journal dropped values
 * meanwhile (a trial started again loses its abandoned run's): then with everything. {@link #readingWholeStudies}
 * gives one that keeps the SPI's default (a whole {@link #load} per read), as a backend without the method does.
 */
final class InMemorySharedStorage implements SharedStudyStorage {
  private final InMemoryStorage log = new InMemoryStorage();
  private final Map<Integer, String> state = new TreeMap<>(); // PENDING, QUEUED, RUNNING, FINISHED
  private final Map<Integer, Trial> started = new HashMap<>();
  private final Map<Integer, Map<String, Object>> startMetadata = new HashMap<>();
  private final List<Trial> finished = new ArrayList<>();
  private Long seed;
  /** Positions for {@link #curvesSince}: values and restarts counted, the last restart's, trials ever started or ended. */
  private long curveEvents;
  private long lastWithdrawal = -1;
  private final Set<Integer> everStarted = new HashSet<>();
  private final Set<Integer> everEnded = new HashSet<>();
  private final boolean incremental;

  InMemorySharedStorage() {
    this(true);
  }

  private InMemorySharedStorage(boolean incremental) {
    this.incremental = incremental;
  }

  /** One whose {@link #curvesSince} is the SPI's default (reads the whole study). */
  static InMemorySharedStorage readingWholeStudies() {
    return new InMemorySharedStorage(false);
  }

  @Override
  public String id() {
    return "memory-shared";
  }

  @Override
  public synchronized StoredStudy load() {
    return log.load();
  }

  @Override
  public synchronized void recordStudy(long s) {
    log.recordStudy(s);
  }

  @Override
  public synchronized void recordTrialStart(Trial trial) {
    recordTrialStart(trial, Map.of());
  }

  @Override
  public synchronized void recordTrialStart(Trial trial, Map<String, Object> metadata) {
    log.recordTrialStart(trial, metadata);
    if (!everStarted.add(trial.number())) {
      lastWithdrawal = curveEvents++; // the replay drops the trial's values and its end
    }
  }

  @Override
  public synchronized void recordTrialEnd(Trial trial) {
    log.recordTrialEnd(trial);
    if (!everEnded.add(trial.number())) {
      lastWithdrawal = curveEvents++; // a second end moves the trial in the replay's finish order
    }
  }

  @Override
  public synchronized void recordIntermediate(int trial, long step, double value) {
    log.recordIntermediate(trial, step, value);
    curveEvents++;
  }

  /**
   * What the journal's replay added since the cursor: without a restart or a second end since, its values and
   * finished trials only grow at the end, so the new ones are the last; otherwise everything.
   */
  @Override
  public synchronized CurveUpdates curvesSince(CurveUpdates.Cursor cursor) {
    if (!incremental) {
      return SharedStudyStorage.super.curvesSince(cursor);
    }
    StoredStudy now = log.load();
    CurveUpdates.Cursor next = new CurveUpdates.Cursor(curveEvents, now.finished().size());
    if (lastWithdrawal >= cursor.intermediates()) {
      CurveUpdates all = CurveUpdates.everything(now);
      return new CurveUpdates(all.intermediates(), all.finished(), true, next);
    }
    List<StoredStudy.Intermediate> values = now.intermediates();
    int newValues = (int) (curveEvents - cursor.intermediates());
    Map<Integer, TrialStatus> statuses = new LinkedHashMap<>();
    for (Trial t : now.finished().subList((int) cursor.finished(), now.finished().size())) {
      statuses.put(t.number(), t.status());
    }
    return new CurveUpdates(values.subList(values.size() - newValues, values.size()), statuses, false, next);
  }

  @Override
  public synchronized void recordCustom(ObjectNode event) {
    log.recordCustom(event);
  }

  @Override
  public void sync() {}

  @Override
  public void close() {}

  @Override
  public synchronized long begin(long proposedSeed, int iterations) {
    if (seed == null) {
      seed = proposedSeed;
      log.recordStudy(seed);
    }
    for (int n = 0; n < iterations; n++) {
      state.putIfAbsent(n, "PENDING");
    }
    return seed;
  }

  @Override
  public synchronized Trial claim(Suggester suggester) {
    Integer number = first("QUEUED");
    boolean queued = number != null;
    number = queued ? number : first("PENDING");
    if (number == null) {
      return null;
    }
    Trial trial;
    Map<String, Object> metadata;
    if (queued) {
      metadata = startMetadata.getOrDefault(number, Map.of());
      suggester.requeued(number, metadata);
      trial = Trial.running(number, started.get(number).assignment(), Map.of(), Instant.now());
    } else {
      List<Trial> running = new ArrayList<>();
      state.forEach((n, s) -> {
        if (s.equals("RUNNING")) {
          running.add(started.get(n));
        }
      });
      Assignment a = suggester.suggest(number, List.copyOf(finished), running);
      if (a == null) {
        return null;
      }
      metadata = suggester.metadata(number);
      trial = Trial.running(number, a, Map.of(), Instant.now());
    }
    state.put(number, "RUNNING");
    started.put(number, trial);
    startMetadata.put(number, metadata);
    recordTrialStart(trial, metadata);
    return trial;
  }

  private Integer first(String wanted) {
    return state.entrySet().stream().filter(e -> e.getValue().equals(wanted)).map(Map.Entry::getKey).findFirst().orElse(null);
  }

  @Override
  public synchronized boolean finish(Trial done) {
    if (!"RUNNING".equals(state.get(done.number()))) {
      return false;
    }
    state.put(done.number(), "FINISHED");
    finished.add(done);
    recordTrialEnd(done);
    return true;
  }

  /** What the start of trial {@code number} recorded (the claiming suggester's metadata). */
  synchronized Map<String, Object> startMetadata(int number) {
    return startMetadata.getOrDefault(number, Map.of());
  }

  /** Hands running trial {@code number} back to the study, as when its worker stops sending heartbeats. */
  synchronized void requeue(int number) {
    state.put(number, "QUEUED");
  }

  @Override
  public void heartbeat() {}

  @Override
  public int requeueStale() {
    return 0;
  }

  @Override
  public synchronized void releaseRunning() {
    state.replaceAll((n, s) -> s.equals("RUNNING") ? "QUEUED" : s);
  }

  @Override
  public synchronized boolean allFinished() {
    return state.values().stream().allMatch("FINISHED"::equals);
  }

  @Override
  public long heartbeatMillis() {
    return 60_000;
  }
}
