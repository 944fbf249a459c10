package io.hypermax.optimizers.internal.tpe;

import io.hypermax.core.config.ConfigNode;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * The knobs of TPE. Immutable, so a driver such as Adaptive-TPE can hand a different instance to
 * {@link TpeSampler#suggest(io.hypermax.core.spi.SuggestRequest, TpeSettings)} at every step.
 *
 * @param nStartup trials drawn from the prior before modelling starts (scored trials counted)
 * @param gamma fraction of the scored trials that form the "good" set l(x)
 * @param gammaMax upper bound on the size of the good set
 * @param nEiCandidates candidates drawn from l(x); the one with the best l(x)/g(x) wins
 * @param priorWeight weight of the prior component in both mixtures (observations weigh 1 each)
 * @param considerEndpoints whether the range ends count as neighbours when adapting bandwidths
 * @param magicClip lower-bound bandwidths by range/min(100, n+1) (hyperopt's "magic clip")
 * @param nFullWeight linear forgetting: the newest {@code nFullWeight} observations of a set weigh 1,
 *     older ones ramp linearly down to 1/n (0 disables forgetting)
 * @param multivariate one joint estimator per group of co-active parameters instead of one per parameter
 * @param constantLiar running trials count as bad observations, so parallel workers spread out
 * @param bandwidthFactor scales every kernel bandwidth (1 = the standard rules)
 * @param adaptiveBandwidths in multivariate mode, neighbour-distance bandwidths per dimension (as
 *     univariate TPE always uses) in every group instead of the rule (see {@code ruleBandwidth})
 * @param recombination in multivariate mode, the fraction of candidates drawn with each dimension
 *     from its own good observation (the product of l's marginals) instead of one observation for all
 * @param adaptiveBandwidthDims in multivariate mode, groups of at most this many parameters use
 *     neighbour-distance bandwidths even without {@code adaptiveBandwidths}: in a low-dimensional group
 *     the spacing of the good points along each axis reflects their joint spacing, so the kernels
 *     narrow as the good points cluster; in many dimensions the axis projections are far denser than
 *     the points are in the joint space and such kernels would be too narrow
 * @param ruleBandwidth the constant c of the multivariate bandwidth rule c * n^(-1/(d+4)) * range
 *     (before {@code bandwidthFactor}); Optuna uses 0.2. The default 0.1667 with bandwidth factor 0.6
 *     makes the rule 0.1 * n^(-1/(d+4)) * range
 * @param unitPeakKernels kernels of height 1 instead of mass 1: l(x)/g(x) becomes a ratio of
 *     kernel-smoothed counts of good and bad trials near x, free of the bias that l's wide kernels
 *     (few points) and g's narrow ones (many points) give a density ratio. This is what Optuna 3.1's
 *     truncated-normal log-pdf computes (it omits the 1/sigma).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record TpeSettings(
    int nStartup,
    double gamma,
    int gammaMax,
    int nEiCandidates,
    double priorWeight,
    boolean considerEndpoints,
    boolean magicClip,
    int nFullWeight,
    boolean multivariate,
    boolean constantLiar,
    double bandwidthFactor,
    boolean unitPeakKernels,
    boolean adaptiveBandwidths,
    double recombination,
    int adaptiveBandwidthDims,
    double ruleBandwidth) {

  /** Keys of {@code search} that TPE reads. */
  public static final Set<String> KEYS =
      Set.of(
          "n_startup",
          "gamma",
          "gamma_max",
          "n_ei_candidates",
          "prior_weight",
          "consider_endpoints",
          "magic_clip",
          "n_full_weight",
          "multivariate",
          "constant_liar",
          "bandwidth_factor",
          "unit_peak_kernels",
          "adaptive_bandwidths",
          "recombination",
          "adaptive_bandwidth_dims",
          "rule_bandwidth");

  /** Defaults chosen by measurement on the benchmark suite (see docs/benchmarks.md). */
  public static final TpeSettings DEFAULTS =
      new TpeSettings(10, 0.1, 25, 24, 1.0, false, true, 25, true, true, 0.6, true, false, 1.0, 3, 0.1667);

  public TpeSettings {
    if (nStartup < 0) {
      throw new IllegalArgumentException("n_startup must be >= 0, found " + nStartup);
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in (0, 1], found " + gamma);
    }
    if (gammaMax < 1) {
      throw new IllegalArgumentException("gamma_max must be >= 1, found " + gammaMax);
    }
    if (nEiCandidates < 1) {
      throw new IllegalArgumentException("n_ei_candidates must be >= 1, found " + nEiCandidates);
    }
    if (!(priorWeight > 0)) {
      throw new IllegalArgumentException("prior_weight must be > 0, found " + priorWeight);
    }
    if (nFullWeight < 0) {
      throw new IllegalArgumentException("n_full_weight must be >= 0, found " + nFullWeight);
    }
    if (!(bandwidthFactor > 0)) {
      throw new IllegalArgumentException("bandwidth_factor must be > 0, found " + bandwidthFactor);
    }
    if (!(ruleBandwidth > 0)) {
      throw new IllegalArgumentException("rule_bandwidth must be > 0, found " + ruleBandwidth);
    }
    if (adaptiveBandwidthDims < 0) {
      throw new IllegalArgumentException("adaptive_bandwidth_dims must be >= 0, found " + adaptiveBandwidthDims);
    }
  }

  /** Reads the TPE keys of a {@code search} section; missing keys keep their defaults. */
  public static TpeSettings from(ConfigNode search) {
    TpeSettings d = DEFAULTS;
    int nStartup = search.integer("n_startup", d.nStartup);
    if (nStartup < 0) {
      throw search.get("n_startup").error("must be >= 0, found " + nStartup);
    }
    double gamma = search.number("gamma", d.gamma);
    if (!(gamma > 0 && gamma <= 1)) {
      throw search.get("gamma").error("must be in (0, 1], found " + gamma);
    }
    double priorWeight = search.number("prior_weight", d.priorWeight);
    if (!(priorWeight > 0)) {
      throw search.get("prior_weight").error("must be > 0, found " + priorWeight);
    }
    int nFullWeight = search.integer("n_full_weight", d.nFullWeight);
    if (nFullWeight < 0) {
      throw search.get("n_full_weight").error("must be >= 0 (0 disables forgetting), found " + nFullWeight);
    }
    double bandwidthFactor = search.number("bandwidth_factor", d.bandwidthFactor);
    if (!(bandwidthFactor > 0)) {
      throw search.get("bandwidth_factor").error("must be > 0, found " + bandwidthFactor);
    }
    return new TpeSettings(
        nStartup,
        gamma,
        search.positiveInteger("gamma_max", d.gammaMax),
        search.positiveInteger("n_ei_candidates", d.nEiCandidates),
        priorWeight,
        search.bool("consider_endpoints", d.considerEndpoints),
        search.bool("magic_clip", d.magicClip),
        nFullWeight,
        search.bool("multivariate", d.multivariate),
        search.bool("constant_liar", d.constantLiar),
        bandwidthFactor,
        search.bool("unit_peak_kernels", d.unitPeakKernels),
        search.bool("adaptive_bandwidths", d.adaptiveBandwidths),
        recombination(search, d.recombination),
        adaptiveBandwidthDims(search, d.adaptiveBandwidthDims),
        ruleBandwidth(search, d.ruleBandwidth));
  }

  private static double ruleBandwidth(ConfigNode search, double fallback) {
    double value = search.number("rule_bandwidth", fallback);
    if (!(value > 0)) {
      throw search.get("rule_bandwidth").error("must be > 0, found " + value);
    }
    return value;
  }

  private static int adaptiveBandwidthDims(ConfigNode search, int fallback) {
    int value = search.integer("adaptive_bandwidth_dims", fallback);
    if (value < 0) {
      throw search.get("adaptive_bandwidth_dims").error("must be >= 0 (0: the rule for every group), found " + value);
    }
    return value;
  }

  /**
   * Whether a joint estimator over {@code groupSize} parameters uses the rule 0.2 * n^(-1/(d+4)) * range
   * rather than neighbour-distance bandwidths.
   */
  public boolean ruleBandwidths(int groupSize) {
    return multivariate && !adaptiveBandwidths && groupSize > adaptiveBandwidthDims;
  }

  private static double recombination(ConfigNode search, double fallback) {
    double value = search.number("recombination", fallback);
    if (!(value >= 0 && value <= 1)) {
      throw search.get("recombination").error("must be in [0, 1], found " + value);
    }
    return value;
  }

  /** Size of the good set among {@code scored} trials: ceil(gamma * n), capped by {@code gammaMax}. */
  public int goodCount(int scored) {
    return Math.min((int) Math.ceil(gamma * scored), gammaMax);
  }

  public TpeSettings withMultivariate(boolean value) {
    return new TpeSettings(nStartup, gamma, gammaMax, nEiCandidates, priorWeight, considerEndpoints, magicClip,
        nFullWeight, value, constantLiar, bandwidthFactor, unitPeakKernels, adaptiveBandwidths, recombination,
        adaptiveBandwidthDims, ruleBandwidth);
  }
}
