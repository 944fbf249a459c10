package io.hypermax.examples.bench;

import io.hypermax.core.Hypermax;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import io.hypermax.core.stability.API;

/** Runs one optimizer on one problem in-process through the library API (ask and tell, no results directory). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BenchmarkRunner {
  private final Plugins plugins;

  public BenchmarkRunner(Plugins plugins) {
    this.plugins = plugins;
  }

  /**
   * One run: the objective value of every trial and the time spent in its {@code ask()} (nanoseconds),
   * as wall time and as this thread's CPU time (less sensitive to other load on the machine).
   */
  public record Trace(double[] values, long[] askNanos, long[] askCpuNanos) {
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
    long[] cpu = new long[budget];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Study study = builder.build()) {
      for (int i = 0; i < budget; i++) {
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Trial trial = study.ask();
        nanos[i] = System.nanoTime() - start;
        cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        values[i] = problem.evaluate(trial.parameters());
        study.tell(trial, values[i]);
      }
    }
    return new Trace(values, nanos, cpu);
  }
}
