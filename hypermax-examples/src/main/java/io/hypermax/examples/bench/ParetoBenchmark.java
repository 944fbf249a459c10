package io.hypermax.examples.bench;

import io.hypermax.core.Hypermax;
import io.hypermax.core.objective.Metric;
import io.hypermax.core.objective.Objective;
import io.hypermax.core.objective.ParetoFront;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import io.hypermax.core.stability.API;

/**
 * Multi-objective benchmark: ZDT1 and ZDT2 (30 variables, both objectives minimised) in a Pareto
 * study, scored by the hypervolume of all trials against the reference point (1.1, 11), which every
 * point of the box dominates. The same problems, budget and reference point as
 * {@code hypermax-examples/bench/pareto_peer.py}, so the figures compare with Optuna's.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParetoBenchmark {
  public static final double[] REFERENCE = {1.1, 11.0};
  private static final int VARIABLES = 30;

  /** A two-objective problem over x1..x30 in [0, 1]. */
  public record Problem(String name, Function<double[], double[]> objectives) {}

  public static final List<Problem> PROBLEMS = List.of(
      new Problem("zdt1", x -> {
        double g = g(x);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
      }),
      new Problem("zdt2", x -> {
        double g = g(x);
        return new double[] {x[0], g * (1 - (x[0] / g) * (x[0] / g))};
      }));

  private static double g(double[] x) {
    double sum = 0;
    for (int i = 1; i < x.length; i++) {
      sum += x[i];
    }
    return 1 + 9 * sum / (x.length - 1);
  }

  static final SearchSpace SPACE;

  static {
    List<Parameter> ps = new ArrayList<>();
    for (int i = 1; i <= VARIABLES; i++) {
      ps.add(Parameter.of("x" + i, NumberDistribution.uniform(0, 1)));
    }
    SPACE = new SearchSpace(ps);
  }

  private static final List<Metric> METRICS =
      List.of(Metric.value("f1", 1, Direction.MINIMIZE, null), Metric.value("f2", 1, Direction.MINIMIZE, null));
  static final Objective PARETO = new Objective(METRICS, true);
  /** The ablation: the same metrics as one weighted sum f1 + f2, so the optimizer never sees the vector. */
  static final Objective WEIGHTED = new Objective(METRICS, false);

  private final Plugins plugins;

  public ParetoBenchmark(Plugins plugins) {
    this.plugins = plugins;
  }

  /** Hypervolume of one run of {@code method} (a plain optimizer id) after {@code budget} trials. */
  public double run(MethodSpec method, Problem problem, long seed, int budget, boolean pareto) {
    Hypermax.StudyBuilder builder = Hypermax.study(SPACE).method(method.id()).plugins(plugins).seed(seed)
        .iterations(budget).objective(pareto ? PARETO : WEIGHTED);
    method.settings().forEach(builder::setting);
    List<double[]> points = new ArrayList<>();
    try (Study study = builder.build()) {
      for (int i = 0; i < budget; i++) {
        Trial trial = study.ask();
        double[] x = new double[VARIABLES];
        for (int v = 0; v < VARIABLES; v++) {
          x[v] = ((Number) trial.parameters().get("x" + (v + 1))).doubleValue();
        }
        double[] f = problem.objectives().apply(x);
        Trial done = study.tell(trial, Map.of("f1", f[0], "f2", f[1]));
        double[] v = ParetoFront.vector(done);
        points.add(v != null ? v : f); // the weighted ablation records no vector: score its raw objectives
      }
    }
    return ParetoFront.hypervolume(points, REFERENCE);
  }

  /**
   * Prints median hypervolume and IQR per problem and method over seeds first..first+seeds-1; with
   * {@code weightedToo}, also each method minimising the weighted sum f1 + f2 (what the Pareto mode adds).
   */
  public void print(List<MethodSpec> methods, int budget, int seeds, int firstSeed, boolean weightedToo, PrintStream out) {
    out.printf(Locale.ROOT, "Pareto benchmark: hypervolume (larger is better) at budget %d, %d seeds from %d, reference (1.1, 11)%n",
        budget, seeds, firstSeed);
    out.printf(Locale.ROOT, "%-8s %-28s %10s %22s %9s%n", "problem", "method", "median HV", "IQR", "s/run");
    for (Problem p : PROBLEMS) {
      for (MethodSpec m : methods) {
        for (boolean pareto : weightedToo ? List.of(true, false) : List.of(true)) {
          double[] hv = new double[seeds];
          long start = System.nanoTime();
          for (int s = 0; s < seeds; s++) {
            hv[s] = run(m, p, firstSeed + s, budget, pareto);
          }
          double seconds = (System.nanoTime() - start) / 1e9 / seeds;
          String label = pareto ? m.label() : m.label() + " (weighted sum)";
          out.printf(Locale.ROOT, "%-8s %-28s %10.4f   [%.4f, %.4f] %9.2f%n", p.name(), label, Stats.median(hv),
              Stats.quantile(hv, 0.25), Stats.quantile(hv, 0.75), seconds);
        }
      }
    }
  }
}
