package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.TestStudies;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The full detailed pass (charts, correlations, report) on 500 trials × 8 numeric parameters: cold,
 * incremental after one more trial, and redrawing everything.
 * Not part of the default test run: {@code mvn -B -q -pl hypermax-results -am verify
 * -Dtest=ChartBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dhypermax.bench=true}.
 */
class ChartBenchmark {

  @Test
  void fullPassOn500TrialsAnd8Parameters() throws Exception {
    assumeTrue(Boolean.getBoolean("hypermax.bench"), "benchmark: run with -Dhypermax.bench=true");
    List<Parameter> params = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      NumberDistribution d =
          switch (i % 3) {
            case 0 -> NumberDistribution.uniform(0, 10);
            case 1 -> NumberDistribution.logUniform(1e-4, 1);
            default -> NumberDistribution.integer(1, 64, false);
          };
      params.add(Parameter.of("p" + i, d));
    }
    SearchSpace space = new SearchSpace(params);
    StudySnapshot all = TestStudies.sampled(space, 501, 11, ChartBenchmark::loss, p -> 1 + loss(p) / 10, Direction.MINIMIZE);
    StudySnapshot first500 =
        new StudySnapshot(space, all.trials().subList(0, 500), all.direction(), all.iterations(), all.seed());
    for (String set : List.of("summary", "all")) {
      run(set, first500, all);
    }
  }

  /** Both chart sets in one run, so their figures come from the same machine state. */
  private static void run(String set, StudySnapshot first500, StudySnapshot all) throws Exception {
    Path dir = Files.createTempDirectory("hypermax-bench");
    ConfigNode results = new ConfigNode("bench", "results", JsonNodeFactory.instance.objectNode().put("charts", set));
    var providers = List.of(new ChartsProvider(), new CorrelationsProvider(), new ReportProvider());
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // 1: a full pass into an empty directory; 2: the pass after one more trial (what a running search does);
    // 3: a full pass that redraws everything (JIT warm).
    for (int round = 1; round <= 3; round++) {
      StudySnapshot snap = round == 1 ? first500 : all;
      ResultGeneratorProvider.Context ctx = new ResultGeneratorProvider.Context(
          results, dir, null, round == 3, ResultGeneratorProvider.Context.duringSearchThreads());
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (ResultGeneratorProvider p : providers) {
        p.create(ctx).generate(snap);
      }
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      long files;
      try (var walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile).count();
      }
      System.out.printf(
          "charts: %s, round %d (%s): %d files, wall %.2f s, process CPU %.2f s, %d cores, load %.1f%n",
          set, round, round == 1 ? "500 trials, empty dir" : round == 2 ? "501 trials, incremental" : "501 trials, redraw all", files, wall / 1e9, cpu / 1e9, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
    }
  }

  private static double loss(Map<String, Object> p) {
    double s = 0;
    for (int i = 0; i < 8; i++) {
      double v = ((Number) p.get("p" + i)).doubleValue();
      s += switch (i % 3) {
        case 0 -> (v - 3) * (v - 3) / (i + 1);
        case 1 -> Math.pow(Math.log10(v) + 2, 2) / (i + 1);
        default -> Math.abs(v - 20) / 10.0 / (i + 1);
      };
    }
    return s;
  }
}
