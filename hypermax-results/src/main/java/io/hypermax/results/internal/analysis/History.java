package io.hypermax.results.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/** The optimization history: every COMPLETE trial's loss in trial order, and the best loss so far. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record History(List<Entry> entries) {

  public record Entry(int trial, double loss, double bestSoFar) {}

  public static History of(Observations obs) {
    List<Entry> entries = new ArrayList<>();
    double bestScore = Double.POSITIVE_INFINITY;
    double bestLoss = Double.NaN;
    for (Observation o : obs.all()) {
      if (o.score() < bestScore) {
        bestScore = o.score();
        bestLoss = o.loss();
      }
      entries.add(new Entry(o.trial(), o.loss(), bestLoss));
    }
    return new History(List.copyOf(entries));
  }
}
