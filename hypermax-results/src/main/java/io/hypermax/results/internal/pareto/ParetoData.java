package io.hypermax.results.internal.pareto;

import io.hypermax.core.objective.ParetoFront;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The objective vectors of a snapshot: the objective names (from the first trial that has a
 * vector), every scored trial and the front.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ParetoData(List<String> names, List<Trial> scored, List<Trial> front) {

  /** The snapshot's data, or null when no trial has an objective vector (not a Pareto study). */
  public static ParetoData of(StudySnapshot snapshot) {
    List<Trial> scored = new ArrayList<>();
    for (Trial t : snapshot.complete()) {
      if (ParetoFront.vector(t) != null) {
        scored.add(t);
      }
    }
    if (scored.isEmpty()) {
      return null;
    }
    List<String> names = List.copyOf(scored.get(0).result().objectives().keySet());
    return new ParetoData(names, scored, ParetoFront.front(scored));
  }

  public double value(Trial t, int objective) {
    return t.result().objectives().get(names.get(objective));
  }
}
