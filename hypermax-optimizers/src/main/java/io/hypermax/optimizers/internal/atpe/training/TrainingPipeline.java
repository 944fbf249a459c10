package io.hypermax.optimizers.internal.atpe.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.TrialSeeds;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.optimizers.internal.atpe.ActionRunner;
import io.hypermax.optimizers.internal.atpe.AtpeAction;
import io.hypermax.optimizers.internal.atpe.History;
import io.hypermax.optimizers.internal.atpe.HistoryFeatures;
import io.hypermax.optimizers.internal.atpe.PolicyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.hypermax.core.stability.API;

/**
 * Trains Adaptive-TPE's policy: for each simulated objective and history, at every checkpoint the
 * history's features are computed with the run-time code ({@link HistoryFeatures}) and every action
 * runs {@code horizon} trials from that state with the run-time executor ({@link ActionRunner}) and
 * the same random numbers (common random numbers, so actions differ only by what they do); the best
 * noiseless loss each reaches, ranked among the actions, labels the state. The history is then
 * extended with a randomly chosen action, so states do not assume earlier choices were optimal. The
 * nearest-neighbour policy's k is picked on validation objectives, and its quality is reported on
 * test objectives no state came from. Single-threaded, seeded: byte-identical output for a seed.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TrainingPipeline {
  public static final String MODEL_FILE = "atpe-policy.json";
  public static final String REPORT_FILE = "atpe-train-report.json";
  private static final Logger LOG = LoggerFactory.getLogger(TrainingPipeline.class);
  private static final Instant T0 = Instant.EPOCH;
  /** Prior weights tried, in multiples of k (0 = plain nearest neighbours). */
  private static final double[] SHRINKAGE = {0, 0.5, 1, 2, 4, 16};

  private final TrainingConfig config;
  private final List<AtpeAction> actions;
  private final Map<String, OptimizerProvider> providers = ActionRunner.installedProviders();

  /**
   * One labelled state: its features, the action values the policy learns from, each action's best
   * noiseless loss over the horizon, the state's best so far, and the log-regret values (whatever
   * the labels, so policies trained on either kind are compared on the same measure).
   */
  record Row(int objective, double[] features, double[] values, double[] best, double stateBest, double[] logRegret) {}

  /** Regret shares below this count as reaching the optimum (log_regret labels): noise, not signal. */
  private static final double REGRET_FLOOR = 1e-3;

  public TrainingPipeline(TrainingConfig config) {
    this.config = config;
    List<AtpeAction> list = new ArrayList<>();
    for (String id : config.actions()) {
      AtpeAction a = AtpeAction.CATALOGUE.stream().filter(x -> x.id().equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown action " + id));
      list.add(a);
    }
    this.actions = List.copyOf(list);
  }

  /** Runs everything and writes the model and the report into {@code dir}; returns the model. */
  public PolicyModel run(Path dir) throws IOException {
    long started = System.nanoTime();
    for (AtpeAction a : actions) {
      if (!a.family().equals(AtpeAction.TPE) && !providers.containsKey(a.family())) {
        throw new IllegalStateException("action " + a.id() + " needs optimizer plugin " + a.family());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int o = 0; o < config.objectives(); o++) {
      rows.addAll(label(o));
      LOG.info("atpe-train: objective {}/{} labelled ({} states)", o + 1, config.objectives(), rows.size());
    }
    List<Row> train = rows.stream().filter(r -> r.objective % 5 >= 2).toList();
    List<Row> validation = rows.stream().filter(r -> r.objective % 5 == 1).toList();
    List<Row> test = rows.stream().filter(r -> r.objective % 5 == 0).toList();
    int bestK = config.kCandidates().get(0);
    double bestShrink = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    ObjectNode kScores = JsonValues.MAPPER.createObjectNode();
    for (int k : config.kCandidates()) {
      for (double shrink : SHRINKAGE) {
        double v = evaluate(fit(train, k, shrink * k), validation).path("mean_value").asDouble();
        kScores.put("k=" + k + ",prior=" + shrink + "k", v);
        if (v < bestValue) {
          bestValue = v;
          bestK = k;
          bestShrink = shrink * k;
        }
      }
    }
    List<Row> modelRows = new ArrayList<>(train);
    modelRows.addAll(validation);
    PolicyModel fitted = fit(modelRows, bestK, bestShrink);
    writeDataset(dir, rows);
    Files.createDirectories(dir);
    byte[] modelBytes = JsonValues.MAPPER.writeValueAsBytes(fitted.toJson());
    Files.write(dir.resolve(MODEL_FILE), modelBytes);
    PolicyModel model = PolicyModel.read(dir.resolve(MODEL_FILE)); // report what the file, not memory, predicts
    ObjectNode report = JsonValues.MAPPER.createObjectNode();
    report.set("config", JsonValues.MAPPER.valueToTree(config));
    report.put("model_version", model.version());
    report.put("states", rows.size());
    report.put("train_states", train.size());
    report.put("validation_states", validation.size());
    report.put("test_states", test.size());
    report.put("simulated_trials", simulatedTrials());
    report.set("validation_mean_value_by_k", kScores);
    report.put("k", bestK);
    report.put("prior_weight", bestShrink);
    report.set("label_counts", labelCounts(rows));
    report.set("test", evaluate(model, test));
    report.set("golden", golden(model, test.isEmpty() ? validation : test));
    Files.write(dir.resolve(REPORT_FILE), JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
    double seconds = (System.nanoTime() - started) / 1e9;
    // Time varies run to run, so it is kept out of the byte-identical files.
    Files.writeString(dir.resolve("atpe-train-timing.txt"),
        String.format(java.util.Locale.ROOT, "wall seconds: %.1f%nstates: %d%n", seconds, rows.size()));
    LOG.info("atpe-train: {} states, k={}, {} s; wrote {}", rows.size(), bestK, String.format("%.1f", seconds), dir);
    return model;
  }

  private long simulatedTrials() {
    int last = config.checkpoints().get(config.checkpoints().size() - 1);
    long perHistory = last + (long) config.checkpoints().size() * actions.size() * config.horizon();
    return perHistory * config.histories() * config.objectives();
  }

  private long seed(long... parts) {
    long s = config.masterSeed();
    for (long p : parts) {
      s = new SplittableRandom(s * 31 + p).nextLong();
    }
    return s;
  }

  List<Row> label(int o) {
    SimulatedObjective objective = SimulatedObjective.generate(seed(1, o));
    SearchSpace space = objective.space();
    List<Row> rows = new ArrayList<>();
    for (int h = 0; h < config.histories(); h++) {
      long historySeed = seed(2, o, h);
      SplittableRandom choices = new SplittableRandom(seed(3, o, h));
      List<Trial> base = new ArrayList<>();
      List<Double> trueLosses = new ArrayList<>();
      extend(objective, base, trueLosses, null, config.checkpoints().get(0), historySeed);
      for (int c = 0; c < config.checkpoints().size(); c++) {
        SuggestRequest now = request(space, base, base.size(), historySeed);
        double[] features = HistoryFeatures.compute(space, History.of(now));
        double[] best = new double[actions.size()];
        for (int a = 0; a < actions.size(); a++) {
          List<Trial> copy = new ArrayList<>(base);
          List<Double> losses = new ArrayList<>();
          extend(objective, copy, losses, actions.get(a), base.size() + config.horizon(), historySeed);
          best[a] = losses.stream().mapToDouble(v -> Double.isNaN(v) ? Double.POSITIVE_INFINITY : v).min()
              .orElse(Double.POSITIVE_INFINITY);
        }
        double stateBest = trueLosses.stream().mapToDouble(v -> v).filter(Double::isFinite).min().orElse(Double.NaN);
        rows.add(new Row(o, round(features, 1e6), null, best, stateBest, null));
        if (c + 1 < config.checkpoints().size()) {
          AtpeAction explore = actions.get(choices.nextInt(actions.size()));
          extend(objective, base, trueLosses, explore, config.checkpoints().get(c + 1), historySeed);
        }
      }
    }
    return values(rows);
  }

  /**
   * The rows with their action values. For log_regret the objective's optimum is taken as the
   * lowest noiseless loss any run on it reached (every state's and every action's), so a state's
   * regret is measured on the same scale for all actions and a share of it is scale-free.
   */
  private List<Row> values(List<Row> rows) {
    double optimum = Double.POSITIVE_INFINITY;
    for (Row r : rows) {
      for (double b : r.best) {
        optimum = Math.min(optimum, b);
      }
      if (Double.isFinite(r.stateBest)) {
        optimum = Math.min(optimum, r.stateBest);
      }
    }
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      double[] log = round(logRegret(r.best, r.stateBest, optimum), 1e4);
      double[] v = config.labels().equals("rank") ? round(ranks(r.best), 1e4) : log;
      // A state where every action does the same (all horizons failed, or the state is at the optimum)
      // teaches the policy nothing and would count as a hit for any choice: left out.
      if (Arrays.stream(v).distinct().count() > 1) {
        out.add(new Row(r.objective, r.features, v, r.best, r.stateBest, log));
      }
    }
    return out;
  }

  /** log10 of each action's remaining share of the state's regret, less the best action's (so >= 0). */
  public static double[] logRegret(double[] best, double stateBest, double optimum) {
    double regret = stateBest - optimum;
    double[] v = new double[best.length];
    if (!(regret > 0) || !Double.isFinite(regret)) {
      return v; // no regret to share (at the optimum, or no successful trial yet): every action alike
    }
    double min = Double.POSITIVE_INFINITY;
    for (int a = 0; a < best.length; a++) {
      double share = Double.isFinite(best[a]) ? Math.max(0, best[a] - optimum) / regret : 1;
      v[a] = Math.log10(Math.min(1, share) + REGRET_FLOOR);
      min = Math.min(min, v[a]);
    }
    for (int a = 0; a < v.length; a++) {
      v[a] -= min;
    }
    return v;
  }

  /** Runs {@code action} (null: prior draws) until the history has {@code length} trials. */
  private void extend(SimulatedObjective objective, List<Trial> trials, List<Double> trueLosses, AtpeAction action,
      int length, long historySeed) {
    SearchSpace space = objective.space();
    ActionRunner runner = new ActionRunner(space, historySeed, io.hypermax.optimizers.internal.atpe.AtpeProvider.DEFAULT_STARTUP, providers);
    while (trials.size() < length) {
      int n = trials.size();
      SuggestRequest request = request(space, trials, n, historySeed);
      Assignment a = action == null ? space.sample(request.random()) : runner.run(action, request, History.of(request));
      double loss = objective.evaluate(a, new SplittableRandom(seed(4, historySeed, n)));
      TrialResult result = Double.isNaN(loss)
          ? TrialResult.failed("simulated failure", 0)
          : TrialResult.complete(loss, 0, Map.of());
      trials.add(Trial.running(n, a, space.nest(a), T0).finish(result, T0));
      trueLosses.add(Double.isNaN(loss) ? Double.NaN : objective.trueLoss(a));
    }
  }

  private static SuggestRequest request(SearchSpace space, List<Trial> trials, int n, long historySeed) {
    return new SuggestRequest(n, space, List.copyOf(trials), List.of(), Direction.MINIMIZE,
        TrialSeeds.forTrial(historySeed, n));
  }

  /** 0 for the best action, 1 for the worst; ties share their mean rank. */
  static double[] ranks(double[] best) {
    double[] r = io.hypermax.optimizers.internal.atpe.Association.ranks(best);
    for (int i = 0; i < r.length; i++) {
      r[i] = best.length == 1 ? 0 : r[i] / (best.length - 1);
    }
    return r;
  }

  /** The labelled states as CSV (objective, features, action values), to refit without relabelling. */
  private void writeDataset(Path dir, List<Row> rows) throws IOException {
    StringBuilder b = new StringBuilder("objective");
    HistoryFeatures.NAMES.forEach(n -> b.append(',').append(n));
    actions.forEach(a -> b.append(",value:").append(a.id()));
    b.append('\n');
    for (Row r : rows) {
      b.append(r.objective);
      for (double v : r.features) {
        b.append(',').append(v);
      }
      for (double v : r.values) {
        b.append(',').append(v);
      }
      b.append('\n');
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("atpe-train-states.csv"), b.toString());
  }

  private PolicyModel fit(List<Row> rows, int k, double priorWeight) {
    int f = HistoryFeatures.NAMES.size();
    double[] mean = new double[f];
    double[] scale = new double[f];
    for (Row r : rows) {
      for (int i = 0; i < f; i++) {
        mean[i] += r.features[i] / rows.size();
      }
    }
    for (Row r : rows) {
      for (int i = 0; i < f; i++) {
        scale[i] += (r.features[i] - mean[i]) * (r.features[i] - mean[i]) / rows.size();
      }
    }
    for (int i = 0; i < f; i++) {
      scale[i] = scale[i] > 1e-12 ? round(Math.sqrt(scale[i]), 1e6) : 1;
      mean[i] = round(mean[i], 1e6);
    }
    double[][] states = new double[rows.size()][];
    double[][] values = new double[rows.size()][];
    for (int s = 0; s < rows.size(); s++) {
      double[] z = new double[f];
      for (int i = 0; i < f; i++) {
        z[i] = round((rows.get(s).features[i] - mean[i]) / scale[i], 1e4);
      }
      states[s] = z;
      values[s] = rows.get(s).values;
    }
    String version = "atpe-knn-3/" + config.labels() + "/seed-" + config.masterSeed() + "/states-" + rows.size() + "/k-" + k
        + "/prior-" + priorWeight;
    return new PolicyModel(version, actions, mean, scale, k, priorWeight, states, values);
  }

  /** Mean value of the chosen actions (0 = always the best), accuracy, and fixed-action baselines. */
  private ObjectNode evaluate(PolicyModel model, List<Row> rows) {
    ObjectNode n = JsonValues.MAPPER.createObjectNode();
    boolean[] usable = new boolean[actions.size()];
    Arrays.fill(usable, true);
    double value = 0;
    int hits = 0;
    double[] fixed = new double[actions.size()];
    double logRegret = 0;
    double[] fixedLogRegret = new double[actions.size()];
    for (Row r : rows) {
      int a = model.choose(r.features, usable);
      value += r.values[a];
      logRegret += r.logRegret[a];
      for (int b = 0; b < fixed.length; b++) {
        fixedLogRegret[b] += r.logRegret[b];
      }
      double min = Arrays.stream(r.values).min().orElse(0);
      if (r.values[a] == min) {
        hits++;
      }
      for (int b = 0; b < fixed.length; b++) {
        fixed[b] += r.values[b];
      }
    }
    int size = Math.max(1, rows.size());
    n.put("states", rows.size());
    n.put("mean_value", round(value / size, 1e6));
    n.put("accuracy", round(hits / (double) size, 1e6));
    ObjectNode baselines = n.putObject("fixed_action_mean_value");
    for (int b = 0; b < fixed.length; b++) {
      baselines.put(actions.get(b).id(), round(fixed[b] / size, 1e6));
    }
    double random = 0;
    for (Row r : rows) {
      random += Arrays.stream(r.values).average().orElse(0) / size;
    }
    n.put("random_action_mean_value", round(random, 1e6));
    // The same measure whatever the labels: log10 of the regret share left, less the best action's.
    n.put("mean_log_regret", round(logRegret / size, 1e6));
    ObjectNode fixedLog = n.putObject("fixed_action_mean_log_regret");
    for (int b = 0; b < fixedLogRegret.length; b++) {
      fixedLog.put(actions.get(b).id(), round(fixedLogRegret[b] / size, 1e6));
    }
    return n;
  }

  private ObjectNode labelCounts(List<Row> rows) {
    int[] counts = new int[actions.size()];
    for (Row r : rows) {
      int best = 0;
      for (int a = 1; a < r.values.length; a++) {
        if (r.values[a] < r.values[best]) {
          best = a;
        }
      }
      counts[best]++;
    }
    ObjectNode n = JsonValues.MAPPER.createObjectNode();
    for (int a = 0; a < counts.length; a++) {
      n.put(actions.get(a).id(), counts[a]);
    }
    return n;
  }

  /** Stored feature vectors with the pipeline's predictions: the run-time golden test replays them. */
  private ArrayNode golden(PolicyModel model, List<Row> rows) {
    ArrayNode out = JsonValues.MAPPER.createArrayNode();
    boolean[] usable = new boolean[actions.size()];
    Arrays.fill(usable, true);
    for (int i = 0; i < Math.min(8, rows.size()); i++) {
      Row r = rows.get(i * Math.max(1, rows.size() / 8));
      ObjectNode g = out.addObject();
      g.set("features", JsonValues.MAPPER.valueToTree(r.features));
      g.put("action", model.actions().get(model.choose(r.features, usable)).id());
    }
    return out;
  }

  private static double[] round(double[] v, double scale) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = round(v[i], scale);
    }
    return r;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
