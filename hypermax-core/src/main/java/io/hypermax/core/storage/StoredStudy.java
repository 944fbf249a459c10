package io.hypermax.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.trial.Trial;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * What a storage holds about a study.
 *
 * @param seed the study seed, or null when no study record was written yet (a new study)
 * @param finished finished trials in the order they finished
 * @param abandoned trials that were started but never finished (the process died): they run again
 * @param customEvents events the core does not interpret, in order
 * @param intermediates intermediate values, in the order they were reported
 * @param problems damaged records other than a torn last one, one readable line each
 * @param abandonedMetadata what the optimizer said about the suggestion of each abandoned trial, by trial number, as
 *     recorded with its start (only trials with some; none for journals written before starts carried it)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record StoredStudy(
    Long seed,
    List<Trial> finished,
    List<Trial> abandoned,
    List<JsonNode> customEvents,
    List<Intermediate> intermediates,
    List<String> problems,
    java.util.Map<Integer, java.util.Map<String, Object>> abandonedMetadata) {

  public StoredStudy {
    finished = List.copyOf(finished);
    abandoned = List.copyOf(abandoned);
    customEvents = List.copyOf(customEvents);
    intermediates = List.copyOf(intermediates);
    problems = List.copyOf(problems);
    abandonedMetadata = abandonedMetadata == null ? java.util.Map.of() : java.util.Map.copyOf(abandonedMetadata);
  }

  /** A stored study without optimizer metadata of abandoned trials (the form before it existed). */
  public StoredStudy(
      Long seed, List<Trial> finished, List<Trial> abandoned, List<JsonNode> customEvents, List<Intermediate> intermediates,
      List<String> problems) {
    this(seed, finished, abandoned, customEvents, intermediates, problems, java.util.Map.of());
  }

  public static final StoredStudy EMPTY = new StoredStudy(null, List.of(), List.of(), List.of(), List.of(), List.of());

  /** What the optimizer said about abandoned trial {@code number}'s suggestion; empty when nothing was recorded. */
  public java.util.Map<String, Object> abandonedMetadata(int number) {
    return abandonedMetadata.getOrDefault(number, java.util.Map.of());
  }

  /** One value a trial reported while running. */
  public record Intermediate(int trial, long step, double value) {}

  /** Nothing recorded yet: no study record and no trial. */
  public boolean isEmpty() {
    return seed == null && finished.isEmpty() && abandoned.isEmpty() && customEvents.isEmpty();
  }

  /** The name {@code extraEvents} had before the storage SPI; kept for callers of {@code Journal.read}. */
  public List<JsonNode> extraEvents() {
    return customEvents;
  }

  public int nextTrialNumber() {
    int max = -1;
    for (Trial t : finished) {
      max = Math.max(max, t.number());
    }
    for (Trial t : abandoned) {
      max = Math.max(max, t.number());
    }
    return max + 1;
  }
}
