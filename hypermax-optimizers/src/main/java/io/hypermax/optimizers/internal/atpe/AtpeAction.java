package io.hypermax.optimizers.internal.atpe;

import io.hypermax.optimizers.internal.tpe.TpeSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * One thing the policy can do at a step. {@code family} is the id of the optimizer plugin that makes
 * the suggestion ({@code tpe}, {@code storm}, {@code gp}, or any other registered one: a new plugin
 * joins the action space by adding actions with its id to {@link #CATALOGUE} and retraining). The
 * other fields are the TPE step settings and apply only to family {@code tpe}:
 *
 * @param gamma TPE's good fraction ({@link TpeSettings#gamma()}, in (0, 1])
 * @param nEiCandidates candidates scored by l(x)/g(x)
 * @param bandwidthFactor scales every kernel bandwidth
 * @param priorWeight weight of the prior component
 * @param filterMode which finished trials TPE sees: {@code none}, {@code age} (older ones dropped
 *     more often), {@code loss_rank} (worse ones dropped more often) or {@code random}
 * @param filterParameter the mode's multiplier (age, loss_rank) or keep probability (random)
 * @param lockMode {@code none}, or {@code top}: secondary parameters may be locked to the values of
 *     one trial drawn from the best {@code lockPercentile} % (at least the best trial)
 * @param lockCutoff share of the total association weight that the least-associated parameters may
 *     make up and still be secondary (positive = lock the least associated, as in the original's code)
 * @param lockProbability chance that each secondary parameter is locked
 * @param lockPercentile the result-filtering percentile: the pool of top trials to lock from
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record AtpeAction(
    String id,
    String family,
    double gamma,
    int nEiCandidates,
    double bandwidthFactor,
    double priorWeight,
    String filterMode,
    double filterParameter,
    String lockMode,
    double lockCutoff,
    double lockProbability,
    double lockPercentile) {

  public static final String TPE = "tpe";
  static final Set<String> FILTER_MODES = Set.of("none", "age", "loss_rank", "random");
  static final Set<String> LOCK_MODES = Set.of("none", "top");

  public AtpeAction {
    if (id == null || id.isBlank() || family == null || family.isBlank()) {
      throw new IllegalArgumentException("an action needs an id and a family");
    }
    if (!(gamma > 0 && gamma <= 1) || nEiCandidates < 1 || !(bandwidthFactor > 0) || !(priorWeight > 0)) {
      throw new IllegalArgumentException("action " + id + ": TPE settings out of range");
    }
    if (!FILTER_MODES.contains(filterMode) || !LOCK_MODES.contains(lockMode)) {
      throw new IllegalArgumentException("action " + id + ": unknown filter mode " + filterMode + " or lock mode " + lockMode);
    }
  }

  static AtpeAction tpe(String id, double gamma, int nEi, double bandwidth, double prior) {
    return new AtpeAction(id, TPE, gamma, nEi, bandwidth, prior, "none", 0, "none", 0, 0, 0);
  }

  static AtpeAction family(String family) {
    TpeSettings d = TpeSettings.DEFAULTS;
    return new AtpeAction(family, family, d.gamma(), d.nEiCandidates(), d.bandwidthFactor(), d.priorWeight(),
        "none", 0, "none", 0, 0, 0);
  }

  AtpeAction withFilter(String id, String mode, double parameter) {
    return new AtpeAction(id, family, gamma, nEiCandidates, bandwidthFactor, priorWeight, mode, parameter,
        lockMode, lockCutoff, lockProbability, lockPercentile);
  }

  AtpeAction withLock(String id, double cutoff, double probability, double percentile) {
    return new AtpeAction(id, family, gamma, nEiCandidates, bandwidthFactor, priorWeight, filterMode,
        filterParameter, "top", cutoff, probability, percentile);
  }

  private static final AtpeAction DEFAULT_TPE =
      tpe("tpe", TpeSettings.DEFAULTS.gamma(), TpeSettings.DEFAULTS.nEiCandidates(),
          TpeSettings.DEFAULTS.bandwidthFactor(), TpeSettings.DEFAULTS.priorWeight());

  /** The action space the pipeline trains over (the model file carries its own copy). */
  public static final List<AtpeAction> CATALOGUE =
      List.of(
          DEFAULT_TPE,
          tpe("tpe-explore", 0.25, 8, 1.0, 2.0),
          tpe("tpe-exploit", 0.05, 64, 0.4, 0.5),
          DEFAULT_TPE.withLock("tpe-lock", 0.4, 0.5, 10),
          DEFAULT_TPE.withLock("tpe-lock-best", 0.7, 0.8, 0),
          DEFAULT_TPE.withFilter("tpe-filter-age", "age", 2),
          DEFAULT_TPE.withFilter("tpe-filter-rank", "loss_rank", 2),
          DEFAULT_TPE.withFilter("tpe-filter-random", "random", 0.8),
          family("storm"),
          family("gp"));

  /** The fallback: plain TPE with its defaults. */
  public static AtpeAction defaultTpe() {
    return DEFAULT_TPE;
  }

  /** The step's TPE settings: TPE's defaults with this action's knobs. */
  public TpeSettings tpeSettings(int nStartup) {
    TpeSettings d = TpeSettings.DEFAULTS;
    return new TpeSettings(nStartup, gamma, d.gammaMax(), nEiCandidates, priorWeight, d.considerEndpoints(),
        d.magicClip(), d.nFullWeight(), d.multivariate(), d.constantLiar(), bandwidthFactor, d.unitPeakKernels(),
        d.adaptiveBandwidths(), d.recombination(), d.adaptiveBandwidthDims(), d.ruleBandwidth());
  }

  /** The {@code atpe.*} metadata of a trial suggested with this action. */
  public Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("atpe.action", id);
    m.put("atpe.family", family);
    if (family.equals(TPE)) {
      m.put("atpe.gamma", gamma);
      m.put("atpe.n_ei_candidates", nEiCandidates);
      m.put("atpe.bandwidth_factor", bandwidthFactor);
      m.put("atpe.prior_weight", priorWeight);
      m.put("atpe.filter_mode", filterMode);
      if (!filterMode.equals("none")) {
        m.put("atpe.filter_parameter", filterParameter);
      }
      m.put("atpe.lock_mode", lockMode);
      if (!lockMode.equals("none")) {
        m.put("atpe.lock_cutoff", lockCutoff);
        m.put("atpe.lock_probability", lockProbability);
        m.put("atpe.lock_percentile", lockPercentile);
      }
    }
    return m;
  }
}
