package io.hypermax.executors.internal.bench;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.executors.internal.executable.ExecutableProvider;
import io.hypermax.executors.internal.jvm.JavaProcessExecutorAccess;
import io.hypermax.executors.internal.jvm.JavaProcessProvider;
import io.hypermax.executors.internal.python.PythonFunctionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Measures what each process executor adds per trial beyond starting its interpreter: runs a
 * trivial model through the executor and, interleaved with it, the same interpreter doing nothing
 * with plain {@link ProcessBuilder}; reports medians and minimums. Not a test (it takes a while and depends on the
 * machine's load): {@code hypermax-executors/bench-overhead.sh [TRIALS]}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ExecutorOverhead {
  private ExecutorOverhead() {}

  /** The trivial Java model, and the JVM baseline (start, do nothing, exit): a class of its own, loading nothing else. */
  public static final class Trivial {
    private Trivial() {}

    public static Object model(Map<String, Object> params) {
      return 0.0;
    }

    public static void main(String[] args) {}
  }

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path dir = Files.createTempDirectory("hypermax-bench-");
    Files.writeString(dir.resolve("bench_model.py"), "def trivial(params):\n    return 0.0\n");
    String python = Files.readString(pythonExecutable(dir)).strip();
    List<Row> rows = new ArrayList<>();
    rows.add(measure(
        "python_function",
        new PythonFunctionProvider(),
        "{\"type\":\"python_function\",\"python\":\"" + python + "\",\"module\":\"bench_model\",\"name\":\"trivial\"}",
        List.of(python, "-c", "import json, sys"),
        dir,
        trials));
    rows.add(measure(
        "executable (sh)",
        new ExecutableProvider(),
        "{\"type\":\"executable\",\"command\":[\"sh\",\"-c\",\"echo 0\"]}",
        List.of("sh", "-c", "echo 0"),
        dir,
        trials));
    rows.add(measure(
        "java_process",
        new JavaProcessProvider(),
        "{\"type\":\"java_process\",\"class\":\"" + Trivial.class.getName() + "\",\"method\":\"model\"}",
        JavaProcessExecutorAccess.javaCommand(Trivial.class.getName()),
        dir,
        trials));
    System.out.printf("%-18s %24s %24s %24s%n", "", "trial (ms)", "baseline (ms)", "overhead (ms)");
    System.out.printf("%-18s %12s %11s %12s %11s %12s %11s%n", "executor", "median", "min", "median", "min", "median", "min");
    for (Row r : rows) {
      System.out.printf("%-18s %12.1f %11.1f %12.1f %11.1f %12.1f %11.1f%n",
          r.name, r.trial.median(), r.trial.min(), r.baseline.median(), r.baseline.min(),
          r.trial.median() - r.baseline.median(), r.trial.min() - r.baseline.min());
    }
    System.out.println(trials + " runs each, interleaved; baseline = the same interpreter started with ProcessBuilder"
        + " doing nothing. On a busy machine the minimums are the steadier comparison.");
  }

  private static Path pythonExecutable(Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("python.txt");
    new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").redirectOutput(out.toFile()).start().waitFor();
    return out;
  }

  private record Stats(double median, double min) {
    static Stats of(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      int m = sorted.size() / 2;
      double median = sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
      return new Stats(median, sorted.get(0));
    }
  }

  private record Row(String name, Stats trial, Stats baseline) {}

  private static Row measure(String name, ExecutorProvider provider, String function, List<String> baseline, Path dir, int n)
      throws Exception {
    ConfigNode node = new ConfigNode("bench", "function", JsonValues.MAPPER.readTree(function));
    List<Double> trialMs = new ArrayList<>();
    List<Double> baselineMs = new ArrayList<>();
    try (Executor executor = provider.create(new ExecutorProvider.Context(node, dir, dir))) {
      for (int i = -2; i < n; i++) { // two warm-up rounds
        long t0 = System.nanoTime();
        TrialResult r = executor.run(new TrialRequest(i + 2, Map.of("x", 1.0), Map.of("x", 1.0), dir.resolve("logs/t.txt"), "logs/t.txt"));
        long t1 = System.nanoTime();
        if (r.status() != TrialStatus.COMPLETE) {
          throw new IllegalStateException(name + " failed: " + r.error());
        }
        Process p = new ProcessBuilder(baseline).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        long t2 = System.nanoTime();
        if (i >= 0) {
          trialMs.add((t1 - t0) / 1e6);
          baselineMs.add((t2 - t1) / 1e6);
        }
      }
    }
    return new Row(name, Stats.of(trialMs), Stats.of(baselineMs));
  }
}
