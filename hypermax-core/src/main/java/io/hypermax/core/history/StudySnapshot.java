package io.hypermax.core.history;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.stability.API;

/**
 * An immutable picture of a study at one moment: everything listeners and result generators need,
 * safe to hand to a background thread while the search goes on.
 *
 * <p>A snapshot shares the study's append-only {@link TrialLog} instead of copying it, and keeps the
 * best trial the study tracked as trials finished, so taking one per trial costs O(running trials),
 * not O(all trials). Lists sorted by number are built on first use and kept.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class StudySnapshot {
  private final SearchSpace space;
  private final TrialLog.View finishedInOrder;
  private final List<Trial> running;
  private final Direction direction;
  private final int iterations;
  private final long seed;
  private final Trial best;
  private volatile List<Trial> trials;
  private volatile List<Trial> finished;
  private volatile List<Trial> complete;
  private io.hypermax.core.history.LearningCurves curves = EMPTY_CURVES;
  private int pruned = -1;
  private static final io.hypermax.core.history.LearningCurves EMPTY_CURVES = new io.hypermax.core.history.LearningCurves();

  /**
   * A snapshot of these trials (copied once).
   *
   * @param trials every trial started so far, finished or running
   * @param iterations the planned total number of trials
   */
  public StudySnapshot(SearchSpace space, List<Trial> trials, Direction direction, int iterations, long seed) {
    this(space, TrialLog.View.of(trials.stream().filter(Trial::isFinished).toList()),
        trials.stream().filter(t -> !t.isFinished()).sorted(Comparator.comparingInt(Trial::number)).toList(),
        direction, iterations, seed, null, true);
  }

  private StudySnapshot(
      SearchSpace space,
      TrialLog.View finishedInOrder,
      List<Trial> running,
      Direction direction,
      int iterations,
      long seed,
      Trial best,
      boolean computeBest) {
    this.space = space;
    this.finishedInOrder = finishedInOrder;
    this.running = List.copyOf(running);
    this.direction = direction;
    this.iterations = iterations;
    this.seed = seed;
    this.best = computeBest ? scanBest(finishedInOrder, direction) : best;
  }

  /** What a study hands out: its log's view, its running trials (by number) and the best it tracked. */
  public static StudySnapshot of(
      SearchSpace space, TrialLog.View finished, List<Trial> running, Direction direction, int iterations, long seed, Trial best) {
    return new StudySnapshot(space, finished, running, direction, iterations, seed, best, false);
  }

  /** Whether {@code candidate} beats {@code best}: a lower score, ties going to the earlier trial. */
  public static boolean better(Trial candidate, Trial best, Direction direction) {
    if (candidate.status() != TrialStatus.COMPLETE) {
      return false;
    }
    if (best == null) {
      return true;
    }
    int c = Double.compare(direction.score(candidate.loss()), direction.score(best.loss()));
    return c < 0 || (c == 0 && candidate.number() < best.number());
  }

  private static Trial scanBest(List<Trial> finished, Direction direction) {
    Trial best = null;
    for (Trial t : finished) {
      if (better(t, best, direction)) {
        best = t;
      }
    }
    return best;
  }

  public SearchSpace space() {
    return space;
  }

  /**
   * This snapshot with the study's learning curves (shared, not copied) and its number of PRUNED trials
   * (-1: count them). Call it once, before the snapshot is handed out.
   */
  public StudySnapshot withCurves(io.hypermax.core.history.LearningCurves c, int prunedTrials) {
    this.curves = c;
    this.pruned = prunedTrials;
    return this;
  }

  /**
   * The values trials reported while running, by trial (empty when none reported). Live: a curve may
   * be newer than the rest of the snapshot, never torn.
   */
  public io.hypermax.core.history.LearningCurves curves() {
    return curves;
  }

  /** Number of finished trials that a pruner stopped. */
  public int prunedCount() {
    if (pruned >= 0) {
      return pruned; // counted by the study as trials finished
    }
    int n = 0;
    for (Trial t : finishedInOrder) {
      if (t.status() == TrialStatus.PRUNED) {
        n++;
      }
    }
    return n;
  }

  public Direction direction() {
    return direction;
  }

  /** The planned total number of trials. */
  public int iterations() {
    return iterations;
  }

  public long seed() {
    return seed;
  }

  /** Every trial started so far, finished or running, ordered by number. */
  public List<Trial> trials() {
    List<Trial> t = trials;
    if (t == null) {
      List<Trial> all = new ArrayList<>(finishedInOrder.size() + running.size());
      all.addAll(finishedInOrder);
      all.addAll(running);
      all.sort(Comparator.comparingInt(Trial::number));
      trials = t = java.util.Collections.unmodifiableList(all);
    }
    return t;
  }

  /** Finished trials (COMPLETE, FAILED, KILLED) ordered by number. */
  public List<Trial> finished() {
    List<Trial> f = finished;
    if (f == null) {
      if (finishedInOrder.sortedByNumber()) {
        f = finishedInOrder;
      } else {
        List<Trial> sorted = new ArrayList<>(finishedInOrder);
        sorted.sort(Comparator.comparingInt(Trial::number));
        f = java.util.Collections.unmodifiableList(sorted);
      }
      finished = f;
    }
    return f;
  }

  /**
   * Finished trials in the order they finished, without a copy: what incremental writers (results.csv)
   * follow. The same as {@link #finished()} when trials run one at a time.
   */
  public List<Trial> finishedInOrder() {
    return finishedInOrder;
  }

  public int finishedCount() {
    return finishedInOrder.size();
  }

  public List<Trial> complete() {
    List<Trial> c = complete;
    if (c == null) {
      complete = c = finished().stream().filter(t -> t.status() == TrialStatus.COMPLETE).toList();
    }
    return c;
  }

  /** Running trials, ordered by number. */
  public List<Trial> running() {
    return running;
  }

  /** The best COMPLETE trial by the direction's score; ties go to the earlier trial. */
  public Optional<Trial> best() {
    return Optional.ofNullable(best);
  }

  @Override
  public String toString() {
    return "StudySnapshot[" + finishedInOrder.size() + " finished, " + running.size() + " running, best " + best + "]";
  }
}
