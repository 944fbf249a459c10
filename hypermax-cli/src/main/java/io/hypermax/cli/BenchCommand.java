package io.hypermax.cli;

import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.plugin.UnknownPluginException;
import io.hypermax.examples.bench.BenchmarkProblems;
import io.hypermax.examples.bench.BenchmarkRunner;
import io.hypermax.examples.bench.BenchmarkSuite;
import io.hypermax.examples.bench.MethodSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypermax bench}: runs optimizer plugins on the benchmark problems and prints regret and timing tables. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Compare optimizers on benchmark problems with known optima (regret, normalized score, suggestion time).")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--methods", defaultValue = "random,tpe",
      description = "Comma-separated optimizer ids, optionally with settings: tpe:multivariate=true:gamma=0.15 (default: ${DEFAULT-VALUE}).")
  String methods;

  @Option(names = "--problems", defaultValue = "all",
      description = "'all' or a comma-separated list of: branin, hartmann6, rosenbrock10, ackley10, levy10, "
          + "styblinski_tang10, rastrigin10, intquad, mixed (default: ${DEFAULT-VALUE}).")
  String problems;

  @Option(names = "--budget", defaultValue = "100", description = "Trials per run (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--seeds", defaultValue = "20", description = "Runs per method and problem: seeds FIRST..FIRST+N-1 (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "0", description = "First seed (default: ${DEFAULT-VALUE}).")
  int firstSeed;

  @Option(names = "--timing-trials", defaultValue = "100,1000", split = ",",
      description = "Trial counts at which to report the time per suggestion; 0 skips timing (default: ${DEFAULT-VALUE}).")
  List<Integer> timingTrials = new ArrayList<>();

  @Option(names = "--timing-problem", defaultValue = "sphere5", description = "Problem of the timing run (default: ${DEFAULT-VALUE}).")
  String timingProblem;

  @Option(names = "--csv", paramLabel = "DIR", description = "Also write traces.csv (best-so-far per trial) and timing.csv into DIR.")
  Path csv;

  @Option(names = "--pareto",
      description = "Multi-objective mode: Pareto studies on ZDT1 and ZDT2 (30 variables), printing the median hypervolume "
          + "and IQR per method (reference point (1.1, 11)); --problems and timing options are ignored.")
  boolean pareto;

  @Option(names = "--pareto-weighted", description = "With --pareto: also run each method on the weighted sum f1 + f2 (the ablation).")
  boolean paretoWeighted;

  @Option(names = "--loop",
      description = "Measure the search loop instead: the whole CLI path on a trivial java_function, journal on, "
          + "printing trials per second at each --loop-trials count.")
  boolean loop;

  @Option(names = "--loop-trials", defaultValue = "1000,10000,100000", split = ",",
      description = "Trial counts of --loop (default: ${DEFAULT-VALUE}).")
  List<Integer> loopTrials = new ArrayList<>();

  @Option(names = "--loop-params", defaultValue = "5", description = "Parameters of the --loop space (default: ${DEFAULT-VALUE}).")
  int loopParams;

  @Option(names = "--loop-fsync", defaultValue = "group",
      description = "storage.fsync of the --loop searches: group or every-trial (default: ${DEFAULT-VALUE}).")
  String loopFsync;

  @Option(names = "--loop-method", defaultValue = "random", description = "Optimizer of the --loop searches (default: ${DEFAULT-VALUE}).")
  String loopMethod;

  @Option(names = "--loop-parallel", defaultValue = "1", description = "function.parallel of the --loop searches (default: ${DEFAULT-VALUE}).")
  int loopParallel;

  @Option(names = "--loop-resume", description = "With --loop: also time resuming each count's journal for one more trial.")
  boolean loopResume;

  @Option(names = "--curves",
      description = "Pruning mode: the learning-curve problem (a synthetic family of curves with a known final loss), "
          + "with no pruner, successive_halving and hyperband at their defaults, printing the median final regret and steps "
          + "over --seeds seeds (docs/pruning.md).")
  boolean curves;

  @Option(names = "--curve-trials", defaultValue = "100", description = "With --curves: trials per run (default: ${DEFAULT-VALUE}).")
  int curveTrials;

  @Option(names = "--curve-steps", defaultValue = "100", description = "With --curves: steps of a full curve (default: ${DEFAULT-VALUE}).")
  int curveSteps;

  @Option(names = "--curve-pruners", defaultValue = "none,successive_halving,hyperband",
      description = "With --curves: comma-separated pruners, with settings as for --methods, e.g. "
          + "successive_halving:min_resource=5 (none: no pruning; hyperband gets max_resource = --curve-steps "
          + "unless given) (default: ${DEFAULT-VALUE}).")
  String curvePruners;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    if (loop) {
      if (loopTrials.isEmpty() || loopTrials.stream().anyMatch(n -> n < 1) || loopParams < 1 || loopParallel < 1) {
        throw new UserException("--loop-trials, --loop-params and --loop-parallel must be at least 1", ErrorHandler.CONFIG_ERROR);
      }
      new LoopBenchmark(System.out).resume(loopResume).run(loopTrials, loopParams, loopFsync, loopMethod, loopParallel);
      return 0;
    }
    if (curves) {
      if (curveTrials < 1 || curveSteps < 1 || seeds < 1) {
        throw new UserException("--curve-trials, --curve-steps and --seeds must be at least 1", ErrorHandler.CONFIG_ERROR);
      }
      List<io.hypermax.examples.bench.LearningCurveBenchmark.Method> pruners;
      try {
        pruners = io.hypermax.examples.bench.LearningCurveBenchmark.parse(curvePruners, curveSteps);
      } catch (IllegalArgumentException e) {
        throw new UserException("--curve-pruners: " + e.getMessage(), ErrorHandler.CONFIG_ERROR);
      }
      try {
        new io.hypermax.examples.bench.LearningCurveBenchmark(plugins.load(List.of())).print(
            pruners, curveTrials, curveSteps, seeds, firstSeed, System.out);
      } catch (io.hypermax.core.config.ConfigException e) {
        throw new UserException("--curve-pruners: " + e.getMessage(), ErrorHandler.CONFIG_ERROR);
      }
      return 0;
    }
    if (budget < 1 || seeds < 1) {
      throw new UserException("--budget and --seeds must be at least 1", ErrorHandler.CONFIG_ERROR);
    }
    Plugins registry = plugins.load(List.of());
    List<MethodSpec> specs;
    try {
      specs = MethodSpec.parseList(methods);
    } catch (IllegalArgumentException e) {
      throw new UserException("--methods: " + e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
    for (MethodSpec m : specs) {
      try {
        registry.optimizer(m.id()); // fail before running anything, listing the optimizers found
      } catch (UnknownPluginException e) {
        throw new UserException("--methods: " + e.getMessage(), ErrorHandler.CONFIG_ERROR);
      }
    }
    if (pareto) {
      new io.hypermax.examples.bench.ParetoBenchmark(registry).print(specs, budget, seeds, firstSeed, paretoWeighted, System.out);
      return 0;
    }
    List<Integer> counts = timingTrials.stream().filter(t -> t > 0).toList();
    try {
      BenchmarkSuite.Options options =
          new BenchmarkSuite.Options(
              specs, BenchmarkProblems.select(problems), budget, seeds, firstSeed, BenchmarkProblems.byName(timingProblem), counts, csv);
      // Check every method's settings before printing anything: a bad one fails with its key named.
      BenchmarkRunner runner = new BenchmarkRunner(registry);
      for (MethodSpec m : specs) {
        try {
          runner.run(m, options.problems().get(0), 0, 1);
        } catch (io.hypermax.core.config.ConfigException e) {
          throw new UserException("--methods " + m.label() + ": " + e.problem() + " (" + e.path() + ")", ErrorHandler.CONFIG_ERROR);
        }
      }
      new BenchmarkSuite(runner, System.out).run(options);
    } catch (NoSuchElementException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
    return 0;
  }
}
