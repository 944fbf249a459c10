package io.hypermax.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Runs methods × problems × seeds at a fixed budget and prints, per method and problem, the median
 * and inter-quartile range of the final regret and a normalized score (median regret divided by
 * random search's median regret at the same budget: 0 = optimum, 1 = random), then the median
 * time per suggestion at given trial counts on a timing problem.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BenchmarkSuite {
  private static final MethodSpec RANDOM = MethodSpec.parse("random");

  /** What to run. {@code timingTrials} empty skips timing; {@code csvDirectory} null writes no CSV. */
  public record Options(
      List<MethodSpec> methods,
      List<BenchmarkProblem> problems,
      int budget,
      int seeds,
      int firstSeed,
      BenchmarkProblem timingProblem,
      List<Integer> timingTrials,
      Path csvDirectory) {}

  /** Final regrets of one method on one problem, one per seed. */
  public record Cell(String method, String problem, double[] regrets, double randomMedian) {
    public double median() {
      return Stats.median(regrets);
    }

    public double normalized() {
      return randomMedian > 0 ? median() / randomMedian : (median() > 0 ? Double.POSITIVE_INFINITY : 0);
    }
  }

  private final BenchmarkRunner runner;
  private final PrintStream out;

  public BenchmarkSuite(BenchmarkRunner runner, PrintStream out) {
    this.runner = runner;
    this.out = out;
  }

  public List<Cell> run(Options o) {
    List<Cell> cells = new ArrayList<>();
    try (PrintWriter traces = csv(o.csvDirectory(), "traces.csv", "method,problem,seed,trial,value,best_so_far,regret")) {
      out.printf(Locale.ROOT, "budget %d, %d seeds (%d..%d)%n%n", o.budget(), o.seeds(), o.firstSeed(), o.firstSeed() + o.seeds() - 1);
      out.printf(Locale.ROOT, "| %-18s | %-28s | %12s | %-25s | %10s |%n", "problem", "method", "median regret", "IQR (q25 .. q75)", "normalized");
      out.println("|" + "-".repeat(20) + "|" + "-".repeat(30) + "|" + "-".repeat(15) + "|" + "-".repeat(27) + "|" + "-".repeat(12) + "|");
      for (BenchmarkProblem problem : o.problems()) {
        Map<String, double[]> regrets = new LinkedHashMap<>();
        boolean randomListed = o.methods().stream().anyMatch(m -> m.label().equals("random"));
        if (!randomListed) {
          regrets.put(RANDOM.label(), regrets(RANDOM, problem, o, null));
        }
        for (MethodSpec m : o.methods()) {
          regrets.put(m.label(), regrets(m, problem, o, traces));
        }
        double randomMedian = Stats.median(regrets.get(RANDOM.label()));
        for (MethodSpec m : o.methods()) {
          Cell cell = new Cell(m.label(), problem.name(), regrets.get(m.label()), randomMedian);
          cells.add(cell);
          out.printf(Locale.ROOT, "| %-18s | %-28s | %13s | %-25s | %10.3f |%n", problem.name(), m.label(), fmt(cell.median()),
              fmt(Stats.quantile(cell.regrets(), 0.25)) + " .. " + fmt(Stats.quantile(cell.regrets(), 0.75)), cell.normalized());
        }
      }
    }
    out.println();
    out.println("median normalized score over problems (0 = optimum, 1 = random search):");
    for (MethodSpec m : o.methods()) {
      double[] scores = cells.stream().filter(c -> c.method().equals(m.label())).mapToDouble(Cell::normalized).toArray();
      out.printf(Locale.ROOT, "  %-28s %.3f%n", m.label(), Stats.median(scores));
    }
    if (!o.timingTrials().isEmpty()) {
      timing(o);
    }
    return cells;
  }

  private double[] regrets(MethodSpec m, BenchmarkProblem problem, Options o, PrintWriter traces) {
    double[] regrets = new double[o.seeds()];
    for (int i = 0; i < o.seeds(); i++) {
      int seed = o.firstSeed() + i;
      BenchmarkRunner.Trace trace = runner.run(m, problem, seed, o.budget());
      regrets[i] = trace.bestSoFar(o.budget()) - problem.minimum();
      if (traces != null) {
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < o.budget(); t++) {
          best = Math.min(best, trace.values()[t]);
          traces.printf(Locale.ROOT, "%s,%s,%d,%d,%s,%s,%s%n", m.label(), problem.name(), seed, t + 1,
              trace.values()[t], best, best - problem.minimum());
        }
      }
    }
    return regrets;
  }

  /** One run per method to the largest trial count; the median ask() time over the 10 trials ending at each count. */
  private void timing(Options o) {
    int max = o.timingTrials().stream().mapToInt(Integer::intValue).max().orElseThrow();
    out.println();
    out.printf(Locale.ROOT, "median time per suggestion, wall / CPU ms, on %s (%d parameters), seed 0, trials t-9..t:%n",
        o.timingProblem().name(), o.timingProblem().dimension());
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %-28s |", "method"));
    for (int t : o.timingTrials()) {
      header.append(String.format(Locale.ROOT, " %17s |", "@" + t));
    }
    out.println(header);
    try (PrintWriter csv = csv(o.csvDirectory(), "timing.csv", "method,problem,trial,ask_ms,ask_cpu_ms")) {
      for (MethodSpec m : o.methods()) {
        BenchmarkRunner.Trace trace = runner.run(m, o.timingProblem(), 0, max);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-28s |", m.label()));
        for (int t : o.timingTrials()) {
          row.append(String.format(Locale.ROOT, " %8.3f / %6.3f |",
              Stats.windowMedian(trace.askNanos(), t, 10) / 1e6, Stats.windowMedian(trace.askCpuNanos(), t, 10) / 1e6));
        }
        out.println(row);
        if (csv != null) {
          for (int t = 0; t < max; t++) {
            csv.printf(Locale.ROOT, "%s,%s,%d,%.4f,%.4f%n", m.label(), o.timingProblem().name(), t + 1,
                trace.askNanos()[t] / 1e6, trace.askCpuNanos()[t] / 1e6);
          }
        }
      }
    }
  }

  private static PrintWriter csv(Path dir, String name, String header) {
    if (dir == null) {
      return null;
    }
    try {
      Files.createDirectories(dir);
      PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve(name)));
      w.println(header);
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fmt(double v) {
    double a = Math.abs(v);
    if (v == 0 || (a >= 0.01 && a < 1e5)) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }
}
