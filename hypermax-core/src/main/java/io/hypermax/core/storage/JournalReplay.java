package io.hypermax.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Rebuilds a {@link StoredStudy} from journal events in the order they were written. Finished trials
 * keep the order they finished in; a trial started again after a crash replaces its abandoned start.
 * The nested parameter view of each trial is left empty: the study recomputes it from its space.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class JournalReplay {
  private Long seed;
  private final Map<Integer, Trial> started = new LinkedHashMap<>();
  private final Map<Integer, Map<String, Object>> startMetadata = new java.util.HashMap<>();
  private final Map<Integer, Trial> finished = new LinkedHashMap<>();
  private final List<JsonNode> custom = new ArrayList<>();
  private final List<StoredStudy.Intermediate> intermediates = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** Replays the lines of a journal file; {@code fileName} names it in problems. */
  public static StoredStudy replayLines(List<String> lines, String fileName) {
    JournalReplay replay = new JournalReplay();
    int lastLine = lines.size();
    while (lastLine > 0 && lines.get(lastLine - 1).isBlank()) {
      lastLine--;
    }
    for (int i = 0; i < lastLine; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JournalEvent event;
      try {
        event = JournalCodec.decode(line, fileName + " line " + (i + 1));
      } catch (IllegalArgumentException e) {
        if (i + 1 < lastLine) { // a torn last line is an expected crash artefact, not a problem
          replay.problems.add(e.getMessage() + "; it was skipped");
        }
        continue;
      }
      replay.apply(event);
    }
    return replay.result();
  }

  public void apply(JournalEvent event) {
    if (event instanceof JournalEvent.StudyStarted s) {
      if (seed == null) {
        seed = s.seed();
      }
    } else if (event instanceof JournalEvent.TrialStarted s) {
      if (started.containsKey(s.trial())) {
        // Started again after a crash: the curve the abandoned run reported is superseded by the new run's.
        intermediates.removeIf(v -> v.trial() == s.trial());
      }
      started.put(s.trial(), Trial.running(s.trial(), new Assignment(s.params()), Map.of(), s.start()));
      if (s.metadata().isEmpty()) {
        startMetadata.remove(s.trial());
      } else {
        startMetadata.put(s.trial(), s.metadata());
      }
      finished.remove(s.trial());
    } else if (event instanceof JournalEvent.TrialEnded e) {
      startMetadata.remove(e.trial()); // only abandoned trials need it; a long-lived follower must not keep it all
      Trial t = started.get(e.trial());
      if (t != null) {
        finished.remove(e.trial());
        finished.put(e.trial(), t.finish(e.result(), e.end()));
      } else {
        problems.add("the result of trial " + e.trial() + " has no start record (its parameters are lost); it was skipped");
      }
    } else if (event instanceof JournalEvent.IntermediateValue v) {
      intermediates.add(new StoredStudy.Intermediate(v.trial(), v.step(), v.value()));
    } else if (event instanceof JournalEvent.Custom c) {
      custom.add(c.json());
    }
  }

  public StoredStudy result() {
    List<Trial> abandoned = new ArrayList<>();
    Map<Integer, Map<String, Object>> abandonedMetadata = new java.util.HashMap<>();
    for (Trial t : started.values()) {
      if (!finished.containsKey(t.number())) {
        abandoned.add(t);
        Map<String, Object> m = startMetadata.get(t.number());
        if (m != null) {
          abandonedMetadata.put(t.number(), m);
        }
      }
    }
    abandoned.sort(java.util.Comparator.comparingInt(Trial::number));
    return new StoredStudy(seed, new ArrayList<>(finished.values()), abandoned, custom, intermediates, problems, abandonedMetadata);
  }
}
