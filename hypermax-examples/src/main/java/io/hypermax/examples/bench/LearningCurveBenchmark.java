package io.hypermax.examples.bench;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.internal.run.Pruners;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.hypermax.core.stability.API;

/**
 * {@code hypermax bench --curves}: the pruners on the {@link LearningCurveFamily}. Each run evaluates
 * the same {@code trials} configurations in the same order (random search drawn from the family's hash,
 * identical to the Optuna peer's) for up to {@code steps} steps, with no pruner, {@code successive_halving}
 * and {@code hyperband} at their default settings. A run's regret is the known final loss of the
 * COMPLETE trial with the best final reported value (the one a user would pick); its cost is the
 * number of steps all its trials ran. Prints medians and IQRs over the seeds and the step ratio to no pruning.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LearningCurveBenchmark {
  /** One run: the regret and the steps spent. */
  public record Run(String method, long seed, double regret, long steps, int pruned) {}

  private final Plugins plugins;

  public LearningCurveBenchmark(Plugins plugins) {
    this.plugins = plugins;
  }

  static final SearchSpace SPACE;

  static {
    List<Parameter> ps = new ArrayList<>();
    for (int d = 0; d < LearningCurveFamily.DIMENSIONS; d++) {
      ps.add(Parameter.of("x" + d, NumberDistribution.uniform(0, 1)));
    }
    SPACE = new SearchSpace(ps);
  }

  /** A pruner configuration: its label and {@code search.pruner} (null: none). */
  public record Method(String label, Map<String, Object> pruner) {}

  /** {@code none,successive_halving:min_resource=5,...} (the syntax of {@link MethodSpec}); hyperband gets max_resource = steps by default. */
  public static List<Method> parse(String text, int steps) {
    List<Method> out = new ArrayList<>();
    for (MethodSpec m : MethodSpec.parseList(text)) {
      if (m.id().equals("none")) {
        out.add(new Method(m.label(), null));
        continue;
      }
      Map<String, Object> p = new LinkedHashMap<>(m.settings());
      p.put("type", m.id());
      if (m.id().equals("hyperband")) {
        p.putIfAbsent("max_resource", steps);
      }
      out.add(new Method(m.label(), p));
    }
    return out;
  }

  public static List<Method> defaults(int steps) {
    return List.of(
        new Method("none", null),
        new Method("successive_halving", Map.of("type", "successive_halving")),
        new Method("hyperband", Map.of("type", "hyperband", "max_resource", steps)));
  }

  public Run run(Method method, long seed, int trials, int steps) {
    Pruner pruner = null;
    PrunerSettings settings = PrunerSettings.NONE;
    if (method.pruner() != null) {
      ConfigNode search = new ConfigNode(null, "search", JsonValues.toJson(Map.of("pruner", method.pruner())));
      settings = PrunerSettings.from(search);
      pruner = Pruners.create(plugins, settings, Direction.MINIMIZE, seed);
    }
    AtomicLong spent = new AtomicLong();
    // The family's configurations in order: every method (and the Optuna peer) sees the same trials.
    Study.Builder b = Study.builder(SPACE, request -> {
      double[] x = LearningCurveFamily.configuration(seed, request.trialNumber());
      Map<String, Object> values = new LinkedHashMap<>();
      for (int d = 0; d < x.length; d++) {
        values.put("x" + d, x[d]);
      }
      return new Assignment(values);
    }).seed(seed).iterations(trials);
    if (pruner != null) {
      b.pruner(pruner, settings);
    }
    try (Study study = b.build()) {
      StudySnapshot snap = study.run(new FunctionExecutor((p, handle) -> {
        int trial = handle.number();
        double[] x = vector(p);
        double v = Double.NaN;
        for (int t = 1; t <= steps; t++) {
          v = LearningCurveFamily.value(seed, trial, x, t);
          spent.incrementAndGet();
          if (handle.report(t, v)) {
            return v;
          }
        }
        return v;
      }), 1, null).snapshot();
      // No trial ran to the end (every one pruned): nothing to pick, the worst regret.
      double regret = snap.best().map(t -> LearningCurveFamily.finalLoss(vector(t.parameters()))).orElse(Double.POSITIVE_INFINITY);
      return new Run(method.label(), seed, regret, spent.get(), snap.prunedCount());
    }
  }

  private static double[] vector(Map<String, Object> p) {
    double[] x = new double[LearningCurveFamily.DIMENSIONS];
    for (int d = 0; d < x.length; d++) {
      x[d] = ((Number) p.get("x" + d)).doubleValue();
    }
    return x;
  }

  /** Runs every method on seeds first..first+n-1 and prints one table. */
  public List<Run> print(List<Method> methods, int trials, int steps, int seeds, int firstSeed, PrintStream out) {
    List<Run> all = new ArrayList<>();
    out.printf("learning curves: %d trials of up to %d steps, seeds %d-%d%n", trials, steps, firstSeed, firstSeed + seeds - 1);
    out.printf("%-44s %28s %16s %14s %8s%n", "pruner", "final regret median [IQR]", "steps median", "steps / none", "pruned");
    double noneSteps = Double.NaN;
    for (Method m : methods) {
      List<Run> runs = new ArrayList<>();
      for (int s = firstSeed; s < firstSeed + seeds; s++) {
        runs.add(run(m, s, trials, steps));
      }
      all.addAll(runs);
      double[] regret = runs.stream().mapToDouble(Run::regret).toArray();
      double[] spent = runs.stream().mapToDouble(Run::steps).toArray();
      double[] pruned = runs.stream().mapToDouble(Run::pruned).toArray();
      double medSteps = Stats.median(spent);
      if (m.pruner() == null) {
        noneSteps = medSteps;
      }
      out.printf("%-44s %10.4f [%.4f, %.4f] %16.0f %14.3f %8.0f%n", m.label(), Stats.median(regret), Stats.quantile(regret, 0.25),
          Stats.quantile(regret, 0.75), medSteps, medSteps / noneSteps, Stats.median(pruned));
    }
    return all;
  }
}
