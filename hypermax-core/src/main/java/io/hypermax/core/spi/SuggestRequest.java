package io.hypermax.core.spi;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.TrialLog;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * Everything an optimizer may base a suggestion on.
 *
 * @param trialNumber the number the suggested trial will get
 * @param space the current search space
 * @param finished finished trials (COMPLETE, FAILED, KILLED) in the order they finished, which is by
 *     number when trials run one at a time or under {@code search.deterministic}; an immutable view
 *     of the study's log, not a copy, so do not copy it per suggestion either
 * @param running trials still running (their assignments are known, their losses are not)
 * @param direction use {@link #score(Trial)}, never the raw loss, to compare trials
 * @param random this suggestion's generator, derived from the study seed and the trial number
 * @param probe finds the active parameters of a proposal (conditions, or a dry run of define-by-run
 *     code); defaults to the conditions of {@code space}
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SuggestRequest(
    int trialNumber,
    SearchSpace space,
    List<Trial> finished,
    List<Trial> running,
    Direction direction,
    RandomGenerator random,
    SpaceProbe probe) {

  public SuggestRequest {
    // The study's log view is immutable already: keep it, so a request costs O(1), not O(trials).
    finished = finished instanceof TrialLog.View ? finished : List.copyOf(finished);
    running = List.copyOf(running);
    probe = probe == null ? SpaceProbe.of(space) : probe;
  }

  /** A request over a declared space: activity follows the space's conditions. */
  public SuggestRequest(
      int trialNumber,
      SearchSpace space,
      List<Trial> finished,
      List<Trial> running,
      Direction direction,
      RandomGenerator random) {
    this(trialNumber, space, finished, running, direction, random, null);
  }

  /** The same request with another probe (define-by-run studies plug in a dry run of the user's code). */
  public SuggestRequest withProbe(SpaceProbe newProbe) {
    return new SuggestRequest(trialNumber, newProbe.space(), finished, running, direction, random, newProbe);
  }

  /**
   * The active assignment {@code proposal} leads to, drawing missing active values with this
   * request's generator; see {@link SpaceProbe#resolve}. May grow {@link #currentSpace()}.
   */
  public Assignment resolve(Map<String, Object> proposal) {
    return probe.resolve(proposal, random);
  }

  /** The space including parameters met by {@link #resolve} so far. */
  public SearchSpace currentSpace() {
    return probe.space();
  }

  /** The value to minimize for a finished trial: NaN for FAILED ones, the kill loss for KILLED ones. */
  public double score(Trial trial) {
    if (trial.status() == TrialStatus.FAILED || trial.result() == null) {
      return Double.NaN;
    }
    return direction.score(trial.loss());
  }

  /** COMPLETE trials only. */
  public List<Trial> complete() {
    return finished.stream().filter(t -> t.status() == TrialStatus.COMPLETE).toList();
  }
}
