package io.hypermax.optimizers.internal.atpe;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adaptive-TPE: {@code n_startup} prior draws, then per suggestion the history's features go to the
 * policy, whose action ({@link AtpeAction}) makes the suggestion. Without a usable model (missing or
 * corrupt file) every step is plain TPE with its defaults, and the trials say so
 * ({@code atpe.model: fallback}). All randomness comes from the request, so a seed and a history
 * give the same suggestion, also after resume.
 */
final class AtpeOptimizer implements Optimizer, io.hypermax.core.spi.OptimizerState {
  private final PolicyModel policy;
  private final String modelVersion;
  private final int nStartup;
  private final ActionRunner runner;
  private final int decideEvery;
  /** {@code atpe_cycle}: actions run in turn by trial number instead of the policy's (empty: the policy decides). */
  private final List<AtpeAction> cycle;
  /** The decision in force: made from the history's first {@code decidedAt} finished trials. */
  private int decidedAt = -1;
  private int decidedLastTrial = -1;
  private AtpeAction decided;
  private io.hypermax.core.space.SearchSpace decidedSpace;
  /** Per suggested trial until the study collects it; bounded in case a caller never does. */
  private final Map<Integer, Map<String, Object>> metadata =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Map<String, Object>> eldest) {
          return size() > 10_000;
        }
      };

  /** The last suggestion's choice, for the console UI's optimizer view. */
  private Map<String, Object> latest = Map.of();

  AtpeOptimizer(PolicyModel policy, int nStartup, int decideEvery, ActionRunner runner) {
    this(policy, nStartup, decideEvery, runner, List.of());
  }

  AtpeOptimizer(PolicyModel policy, int nStartup, int decideEvery, ActionRunner runner, List<AtpeAction> cycle) {
    this.policy = policy;
    this.cycle = List.copyOf(cycle);
    this.modelVersion = !this.cycle.isEmpty()
        ? "cycle:" + String.join("+", this.cycle.stream().map(AtpeAction::id).toList())
        : policy == null ? "fallback" : policy.version();
    this.nStartup = nStartup;
    this.decideEvery = decideEvery;
    this.runner = runner;
  }

  @Override
  public synchronized Assignment suggest(SuggestRequest request) {
    History history = History.of(request);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("atpe.model", modelVersion);
    Assignment a;
    if (history.size() < nStartup) {
      a = runner.startup(request);
      meta.put("atpe.action", "startup");
      meta.put("atpe.family", "random");
    } else {
      AtpeAction action = choose(request, history);
      a = runner.run(action, request, history);
      meta.putAll(action.metadata());
      List<String> locked = runner.lastLocked();
      if (!locked.isEmpty()) {
        meta.put("atpe.locked", String.join(",", locked));
      }
    }
    metadata.put(request.trialNumber(), meta);
    latest = meta;
    return a;
  }

  /**
   * The policy's action for this step. The policy decides when the finished count reaches a
   * decision point and its action runs until the next one. Points are every {@code decideEvery}
   * finished trials and, at the same time, at most one per 1 % growth of the history (from 200
   * trials on, where 1 % is two trials or more: the features move by about that much, so a long
   * study pays for them on 1 % of its suggestions). A decision is a function of the history's first
   * finished trials up to its point (and of the space) only, so a resumed study decides the same.
   * Until a point's prefix holds {@code nStartup} scored trials, the policy decides on every step.
   */
  static int decisionPoint(int finished, int decideEvery) {
    int step = Math.max(decideEvery, finished / 100);
    return finished - finished % step;
  }

  private AtpeAction choose(SuggestRequest request, History history) {
    if (!cycle.isEmpty()) {
      return cycle.get(request.trialNumber() % cycle.size()); // by trial number: the same after resume
    }
    if (policy == null) {
      return AtpeAction.defaultTpe();
    }
    List<io.hypermax.core.trial.Trial> finished = request.finished();
    int at = decisionPoint(finished.size(), decideEvery);
    History seen = at == finished.size() ? history : null;
    if (seen == null && !isCurrent(request, at)) {
      seen = History.of(new SuggestRequest(request.trialNumber(), request.space(), finished.subList(0, at),
          List.of(), request.direction(), request.random()));
    }
    if (seen != null && seen.size() < nStartup) {
      at = finished.size(); // the point's prefix is still in the random phase: decide on what there is
      seen = history;
    }
    if (!isCurrent(request, at)) {
      double[] features = HistoryFeatures.compute(request.space(), seen);
      List<AtpeAction> actions = policy.actions();
      boolean[] usable = new boolean[actions.size()];
      for (int i = 0; i < usable.length; i++) {
        usable[i] = runner.canRun(actions.get(i));
      }
      decided = actions.get(policy.choose(features, usable));
      decidedAt = at;
      decidedLastTrial = lastTrialBefore(finished, at);
      // By identity: guidance and define-by-run hand over another space object when the space changes.
      decidedSpace = request.space();
    }
    return decided;
  }

  /** True when the decision in force was made at point {@code at} of this history, over this space. */
  private boolean isCurrent(SuggestRequest request, int at) {
    return decided != null && at == decidedAt && lastTrialBefore(request.finished(), at) == decidedLastTrial
        && request.space() == decidedSpace;
  }

  private static int lastTrialBefore(List<io.hypermax.core.trial.Trial> finished, int at) {
    return at == 0 ? -1 : finished.get(at - 1).number();
  }

  /** The chosen action, its family and settings, and the locked parameters of the latest suggestion. */
  @Override
  public synchronized Map<String, String> state() {
    Map<String, String> out = new LinkedHashMap<>();
    if (latest.isEmpty()) {
      out.put("atpe.model", modelVersion);
    }
    latest.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @Override
  public synchronized Map<String, Object> trialMetadata(int trialNumber) {
    Map<String, Object> m = metadata.remove(trialNumber);
    return m == null ? Map.of() : m;
  }
}
