package io.hypermax.core.internal.suggestion;

import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.stability.API;
import io.hypermax.core.trial.TrialResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optimizer's per-trial metadata of every running trial, from its suggestion until its result carries it.
 * The study and the scale-out worker both use this, so a trial's {@code atpe.*} (or any optimizer's) entries reach
 * its recorded result however it ran. Entries are also recorded with the trial's start, so a trial re-run after a
 * crash gets them back through {@link #restore}. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SuggestionMetadata {
  private final Map<Integer, Map<String, Object>> byTrial = new ConcurrentHashMap<>();

  /** Asks {@code optimizer} what it has to say about its suggestion of trial {@code number}, just made. */
  public Map<String, Object> ask(Optimizer optimizer, int number) {
    Map<String, Object> notes = optimizer.trialMetadata(number);
    restore(number, notes);
    return of(number);
  }

  /** The entries of a trial that runs again (a re-run after a crash, a re-queued trial), as recorded with its start. */
  public void restore(int number, Map<String, Object> notes) {
    if (notes == null || notes.isEmpty()) {
      byTrial.remove(number);
    } else {
      // Bounded as a result's metadata is (ResultLimits), so the start record stays as small as the end record.
      byTrial.put(number, java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(io.hypermax.core.trial.ResultLimits.metadata(notes)))); // order kept
    }
  }

  /** What is known about running trial {@code number} (to record with its start); empty when nothing. */
  public Map<String, Object> of(int number) {
    return byTrial.getOrDefault(number, Map.of());
  }

  /** {@code result} with the trial's entries added (the result's own keys win); the trial is forgotten. */
  public TrialResult attach(int number, TrialResult result) {
    Map<String, Object> notes = byTrial.remove(number);
    return notes == null ? result : result.withExtraMetadata(notes);
  }
}
