package io.hypermax.examples.bench;

import io.hypermax.core.Hypermax;
import io.hypermax.core.plugin.Plugins;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.util.Map;

/** Runs one optimizer on one problem in-process through the library API (ask and tell, no results directory). */
public final class BenchmarkRunner {
  private final Plugins plugins;

  public BenchmarkRunner(Plugins plugins) {
    this.plugins = plugins;
  }

  /** One run: the objective value and the time spent in {@code ask()} (nanoseconds) of every trial. */
  public record Trace(double[] values, long[] askNanos) {
    public double bestSoFar(int trials) {
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < trials && i < values.length; i++) {
        best = Math.min(best, values[i]);
      }
      return best;
    }
  }

  public Trace run(MethodSpec method, BenchmarkProblem problem, long seed, int budget) {
    Hypermax.StudyBuilder builder =
        Hypermax.study(problem.space()).method(method.id()).plugins(plugins).seed(seed).iterations(budget);
    for (Map.Entry<String, Object> e : method.settings().entrySet()) {
      builder.setting(e.getKey(), e.getValue());
    }
    double[] values = new double[budget];
    long[] nanos = new long[budget];
    try (Study study = builder.build()) {
      for (int i = 0; i < budget; i++) {
        long start = System.nanoTime();
        Trial trial = study.ask();
        nanos[i] = System.nanoTime() - start;
        values[i] = problem.evaluate(trial.parameters());
        study.tell(trial, values[i]);
      }
    }
    return new Trace(values, nanos);
  }
}
