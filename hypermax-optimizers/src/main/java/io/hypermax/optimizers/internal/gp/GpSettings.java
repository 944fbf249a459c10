package io.hypermax.optimizers.internal.gp;

import io.hypermax.core.config.ConfigNode;
import java.util.Locale;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * The knobs of the GP optimizer; where each default comes from is in docs/gp.md.
 *
 * @param nStartup scored trials drawn from the prior before the GP is used
 * @param candidates Sobol points scored by the acquisition before local refinement
 * @param localSearches best candidates (plus the best trial) refined by gradient and neighbour search
 * @param kernel the stationary kernel of the surrogate
 * @param warping the transform applied to the scores before they are standardised
 * @param minNoise lower bound of the noise variance (standardised units); tiny by default, so a deterministic
 *     loss is modelled to the precision a search needs (docs/gp.md, "Noise floor"), while the fit raises the noise
 *     for a noisy one
 * @param refitGrowth the hyperparameters are refitted each time the scored history has grown by this fraction
 *     (at least one trial); see {@link FitChain}
 * @param maxFitPoints the hyperparameters are fitted on at most this many trials (the best half and the most
 *     recent rest)
 * @param maxPoints the posterior conditions on at most this many trials (same subset rule)
 * @param pendingBeliever running trials enter the posterior with their predicted mean (kriging believer)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record GpSettings(
    int nStartup,
    int candidates,
    int localSearches,
    Kernel kernel,
    Warping warping,
    double minNoise,
    double refitGrowth,
    int maxFitPoints,
    int maxPoints,
    boolean pendingBeliever) {

  /** Keys of {@code search} that gp reads. */
  public static final Set<String> KEYS =
      Set.of(
          "n_startup_trials",
          "candidates",
          "local_searches",
          "kernel",
          "warping",
          "min_noise",
          "refit_growth",
          "max_fit_points",
          "max_points",
          "pending");

  public static final GpSettings DEFAULTS =
      new GpSettings(10, 512, 5, Kernel.MATERN52, Warping.AUTO, 1e-14, 0.1, 200, 600, true);

  public GpSettings {
    if (nStartup < 1) {
      throw new IllegalArgumentException("n_startup_trials must be >= 1, found " + nStartup);
    }
    if (candidates < 1 || localSearches < 0 || !(refitGrowth >= 0) || maxFitPoints < 2 || maxPoints < maxFitPoints) {
      throw new IllegalArgumentException("invalid gp settings");
    }
    if (!(minNoise > 0)) {
      throw new IllegalArgumentException("min_noise must be > 0, found " + minNoise);
    }
  }

  /** Reads the gp keys of a {@code search} section; missing keys keep their defaults. */
  public static GpSettings from(ConfigNode search) {
    GpSettings d = DEFAULTS;
    int nStartup = search.positiveInteger("n_startup_trials", d.nStartup);
    int localSearches = search.integer("local_searches", d.localSearches);
    if (localSearches < 0) {
      throw search.get("local_searches").error("must be >= 0, found " + localSearches);
    }
    double minNoise = search.number("min_noise", d.minNoise);
    if (!(minNoise > 0 && minNoise < 1)) {
      throw search.get("min_noise").error("must be in (0, 1), found " + minNoise);
    }
    int maxFit = search.integer("max_fit_points", d.maxFitPoints);
    if (maxFit < 2) {
      throw search.get("max_fit_points").error("must be >= 2, found " + maxFit);
    }
    int maxPoints = search.integer("max_points", Math.max(d.maxPoints, maxFit));
    if (maxPoints < maxFit) {
      throw search.get("max_points").error("must be >= max_fit_points (" + maxFit + "), found " + maxPoints);
    }
    String kernel = search.choice("kernel", d.kernel.key(), Kernel.keys());
    String warping = search.choice("warping", d.warping.key(), Warping.keys());
    String pending = search.choice("pending", d.pendingBeliever ? "believer" : "ignore", Set.of("believer", "ignore"));
    return new GpSettings(
        nStartup,
        search.positiveInteger("candidates", d.candidates),
        localSearches,
        Kernel.valueOf(kernel.toUpperCase(Locale.ROOT)),
        Warping.valueOf(warping.toUpperCase(Locale.ROOT)),
        minNoise,
        refitGrowth(search, d.refitGrowth),
        maxFit,
        maxPoints,
        pending.equals("believer"));
  }

  private static double refitGrowth(ConfigNode search, double fallback) {
    double value = search.number("refit_growth", fallback);
    if (!(value >= 0 && value <= 10)) {
      throw search.get("refit_growth").error("must be in [0, 10] (0: refit at every trial), found " + value);
    }
    return value;
  }

  public GpSettings withWarping(Warping w) {
    return new GpSettings(nStartup, candidates, localSearches, kernel, w, minNoise, refitGrowth, maxFitPoints, maxPoints,
        pendingBeliever);
  }
}
