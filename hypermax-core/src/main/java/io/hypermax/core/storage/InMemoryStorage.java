package io.hypermax.core.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.trial.Trial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * Keeps a study's events in memory: for library studies that need no directory, tests and
 * benchmarks. {@link #load} replays them exactly as the journal would, so a second study built on
 * the same storage continues the first.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InMemoryStorage implements StudyStorage {
  public static final String ID = "memory";

  private final List<JournalEvent> events = new ArrayList<>();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public synchronized StoredStudy load() {
    JournalReplay replay = new JournalReplay();
    events.forEach(replay::apply);
    return replay.result();
  }

  @Override
  public synchronized void recordStudy(long seed) {
    events.add(new JournalEvent.StudyStarted(JournalCodec.VERSION, seed, Instant.now()));
  }

  @Override
  public synchronized void recordTrialStart(Trial trial) {
    recordTrialStart(trial, java.util.Map.of());
  }

  @Override
  public synchronized void recordTrialStart(Trial trial, java.util.Map<String, Object> metadata) {
    events.add(new JournalEvent.TrialStarted(trial.number(), trial.assignment().values(), trial.start(), metadata));
  }

  @Override
  public synchronized void recordTrialEnd(Trial trial) {
    events.add(new JournalEvent.TrialEnded(trial.number(), trial.result(), trial.end()));
  }

  @Override
  public synchronized void recordIntermediate(int trial, long step, double value) {
    events.add(new JournalEvent.IntermediateValue(trial, step, value));
  }

  @Override
  public synchronized void recordCustom(ObjectNode event) {
    events.add(new JournalEvent.Custom(event.deepCopy()));
  }

  @Override
  public void sync() {
    // nothing to make durable
  }

  @Override
  public void close() {
    // the events stay readable: a later study on this storage resumes them
  }
}
