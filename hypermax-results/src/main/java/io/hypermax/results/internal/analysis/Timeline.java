package io.hypermax.results.internal.analysis;

import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * When each trial ran, one row ("lane") per worker. The journal does not record which worker ran a trial, so lanes
 * are rebuilt from the start and end times: trials in start order, each on the lowest lane that is free at its start.
 * With {@code parallel: N} this needs at most N lanes and shows the same picture as real worker ids would (which
 * worker of two idle ones took a trial is not information). Running trials end "now" (the newest time in the study).
 *
 * @param entries in trial-number order
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Timeline(List<Entry> entries, int lanes) {

  /** Seconds since the first trial started. */
  public record Entry(int trial, int lane, double start, double end, TrialStatus status, double loss) {}

  public static Timeline of(StudySnapshot snapshot) {
    List<Trial> trials = snapshot.trials().stream().filter(t -> t.start() != null).toList();
    if (trials.isEmpty()) {
      return new Timeline(List.of(), 0);
    }
    Instant origin = trials.stream().map(Trial::start).min(Comparator.naturalOrder()).orElseThrow();
    Instant now = origin;
    for (Trial t : trials) {
      now = max(now, t.end() != null ? t.end() : t.start());
    }
    List<Trial> byStart = new ArrayList<>(trials);
    byStart.sort(Comparator.comparing(Trial::start).thenComparingInt(Trial::number));
    List<Double> laneFree = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (Trial t : byStart) {
      double start = seconds(origin, t.start());
      double end = seconds(origin, t.end() != null ? t.end() : now);
      int lane = 0;
      // a small tolerance: the next trial on a worker starts a few microseconds after the last one ended
      while (lane < laneFree.size() && laneFree.get(lane) > start + 1e-3) {
        lane++;
      }
      if (lane == laneFree.size()) {
        laneFree.add(end);
      } else {
        laneFree.set(lane, end);
      }
      entries.add(new Entry(t.number(), lane, start, Math.max(start, end), t.status(), t.loss()));
    }
    entries.sort(Comparator.comparingInt(Entry::trial));
    return new Timeline(List.copyOf(entries), laneFree.size());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static double seconds(Instant origin, Instant t) {
    return Duration.between(origin, t).toNanos() / 1e9;
  }
}
