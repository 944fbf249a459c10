package io.hypermax.results.internal.analysis;

import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.stability.API;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code search.method: atpe} did at each trial: the action and its model family from the trial's
 * {@code atpe.action} / {@code atpe.family} metadata, with the trial's loss and the best loss of the complete trials up
 * to it, in trial order; so a reader sees which actions were used when and whether they paid. Empty for any other
 * optimizer.
 *
 * @param actions the action ids in the order of their first use (the chart's rows)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record AtpeActions(List<String> actions, List<Entry> entries) {
  public static final String ACTION = "atpe.action";
  public static final String FAMILY = "atpe.family";
  /** More distinct actions than this (a function may return its own atpe.action) share one row, so charts stay bounded. */
  public static final int MAX_ROWS = 30;
  public static final String OTHER = "(other actions)";

  /** @param bestSoFar the best loss of the complete trials numbered up to this one; NaN before the first */
  public record Entry(int trial, String action, String family, TrialStatus status, double loss, double bestSoFar) {}

  public static AtpeActions of(StudySnapshot snapshot) {
    List<Trial> trials = new ArrayList<>(snapshot.finished());
    trials.sort(Comparator.comparingInt(Trial::number));
    double sign = snapshot.direction() == Direction.MAXIMIZE ? -1 : 1;
    double bestScore = Double.POSITIVE_INFINITY;
    double bestLoss = Double.NaN;
    Set<String> actions = new LinkedHashSet<>();
    List<Entry> entries = new ArrayList<>();
    for (Trial t : trials) {
      if (t.status() == TrialStatus.COMPLETE && Double.isFinite(t.loss()) && sign * t.loss() < bestScore) {
        bestScore = sign * t.loss();
        bestLoss = t.loss();
      }
      Object action = t.result().metadata().get(ACTION);
      if (action == null) {
        continue;
      }
      Object family = t.result().metadata().get(FAMILY);
      String row = String.valueOf(action);
      if (!actions.contains(row) && actions.size() >= MAX_ROWS - 1) {
        row = OTHER;
      }
      actions.add(row);
      entries.add(new Entry(t.number(), row, family == null ? "" : String.valueOf(family), t.status(), t.loss(), bestLoss));
    }
    return new AtpeActions(List.copyOf(actions), List.copyOf(entries));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
