package io.hypermax.cli;

import io.hypermax.optimizers.internal.atpe.training.HeldOutBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypermax atpe-bench}: optimizers on held-out simulated objectives (docs/atpe.md). */
@Command(name = "atpe-bench", mixinStandardHelpOptions = true,
    description = "Compare optimizers on simulated objectives that atpe-train never generates.")
final class AtpeBenchCommand implements Callable<Integer> {
  @Option(names = "--methods", split = ",", defaultValue = "tpe,gp,storm,atpe,random")
  List<String> methods;

  @Option(names = "--objectives", defaultValue = "12")
  int objectives;

  @Option(names = "--seeds", defaultValue = "5")
  int seeds;

  @Option(names = "--budgets", split = ",", defaultValue = "50,100")
  List<Integer> budgets;

  @Override
  public Integer call() {
    HeldOutBenchmark.Result r = HeldOutBenchmark.run(methods, objectives, seeds, budgets);
    System.out.println(objectives + " held-out objectives x " + seeds + " seeds (5000..)");
    HeldOutBenchmark.table(r).forEach(System.out::println);
    return 0;
  }
}
