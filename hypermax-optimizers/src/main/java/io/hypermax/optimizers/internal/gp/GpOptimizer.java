package io.hypermax.optimizers.internal.gp;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.hypermax.core.stability.API;

/**
 * Bayesian optimisation with a Gaussian process. After {@code n_startup_trials} draws from the prior, each
 * suggestion fits the GP to the scored trials (COMPLETE ones, and KILLED ones with their kill loss; FAILED ones
 * have no loss and are left out of the fit), conditions it on running trials with their predicted mean
 * (kriging believer: parallel workers spread out instead of proposing the same point) and on failed trials with
 * the worst score seen (so a crashing region is avoided), and returns the point of highest
 * log expected improvement.
 *
 * <p>Every decision derives from the request: the hyperparameters from the trials in number order
 * ({@link FitChain}), the candidates from the request's generator, so a resumed study continues the same
 * sequence.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GpOptimizer implements Optimizer {
  private static final System.Logger LOG = System.getLogger(GpOptimizer.class.getName());

  private final GpSettings settings;
  private SearchSpace space;
  private UnitCube cube;
  private FitChain chain;
  private boolean subsetLogged;

  public GpOptimizer(GpSettings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  public GpSettings settings() {
    return settings;
  }

  @Override
  public synchronized Assignment suggest(SuggestRequest request) {
    prepare(request.space());
    List<Trial> scored = new ArrayList<>();
    List<Trial> unscored = new ArrayList<>();
    for (Trial t : request.finished()) {
      if (t.status() != TrialStatus.FAILED && Double.isFinite(request.score(t))) {
        scored.add(t);
      } else {
        unscored.add(t);
      }
    }
    if (scored.size() < settings.nStartup() || cube.dimensions() == 0) {
      return request.space().sample(request.random());
    }
    int n = scored.size();
    int[] numbers = new int[n];
    double[][] points = new double[n][];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      Trial t = scored.get(i);
      numbers[i] = t.number();
      points[i] = cube.encode(t.assignment().values());
      scores[i] = request.score(t);
    }
    double[] theta = chain.fit(numbers, points, scores);

    double[] y = settings.warping().standardised(scores);
    int[] subset = HistorySubset.select(scores, settings.maxPoints());
    if (subset.length < n && !subsetLogged) {
      subsetLogged = true;
      LOG.log(System.Logger.Level.INFO, "gp: " + n + " scored trials exceed max_points " + settings.maxPoints()
          + "; the posterior now uses a subset (the best half and the most recent rest), hyperparameters are fitted on "
          + settings.maxFitPoints());
    }
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    int bestRow = 0;
    for (int i : subset) {
      xs.add(points[i]);
      ys.add(y[i]);
      if (y[i] < best) {
        best = y[i];
        bestRow = i;
      }
    }
    boolean[] categorical = cube.categorical();
    GaussianProcess gp = posterior(xs, ys, categorical, theta);
    // Failed trials have no loss, so they stay out of the hyperparameter fit; the posterior sees them with the
    // worst standardised score seen (a constant liar), so a crashing region is avoided rather than explored.
    // Running trials enter with their predicted mean (kriging believer): the variance there collapses and
    // parallel workers do not propose the same point.
    double worst = java.util.Arrays.stream(y).max().orElse(0);
    List<double[]> extraX = new ArrayList<>();
    List<Double> extraY = new ArrayList<>();
    for (Trial t : unscored) {
      extraX.add(cube.encode(t.assignment().values()));
      extraY.add(worst);
    }
    if (settings.pendingBeliever()) {
      double[] prediction = new double[2];
      for (Trial t : request.running()) {
        double[] x = cube.encode(t.assignment().values());
        gp.predict(x, prediction);
        extraX.add(x);
        extraY.add(prediction[0]);
      }
    }
    if (!extraX.isEmpty()) {
      xs.addAll(extraX);
      ys.addAll(extraY);
      gp = posterior(xs, ys, categorical, theta);
    }
    AcquisitionSearch search = new AcquisitionSearch(cube, new Acquisition(gp, best), request.random());
    AcquisitionSearch.Point chosen =
        search.maximise(settings.candidates(), settings.localSearches(), List.of(scored.get(bestRow).assignment().values()));
    Map<String, Object> proposal = chosen.values();
    return request.space().complete(proposal, request.random());
  }

  private GaussianProcess posterior(List<double[]> xs, List<Double> ys, boolean[] categorical, double[] theta) {
    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
    return new GaussianProcess(xs.toArray(double[][]::new), y, categorical, settings.kernel(), theta, settings.minNoise());
  }

  /** (Re)builds the encoding when the space changes (define-by-run spaces grow); the fits start over. */
  private void prepare(SearchSpace requested) {
    if (requested == space) {
      return;
    }
    UnitCube next = new UnitCube(requested);
    boolean sameAxes = cube != null && sameAxes(cube, next);
    space = requested;
    cube = next;
    if (!sameAxes) {
      chain = new FitChain(settings, cube.categorical());
    }
  }

  private static boolean sameAxes(UnitCube a, UnitCube b) {
    if (a.dimensions() != b.dimensions()) {
      return false;
    }
    for (int j = 0; j < a.dimensions(); j++) {
      if (!a.axes.get(j).parameter.equals(b.axes.get(j).parameter)) {
        return false;
      }
    }
    return true;
  }
}
