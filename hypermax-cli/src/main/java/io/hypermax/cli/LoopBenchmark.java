package io.hypermax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code hypermax bench --loop}: the cost of the search loop itself. Runs the real command line
 * ({@link Main#run}) in this JVM on a trivial {@code java_function} with random search, the journal
 * on and results.csv/best.json written, at each trial count, and prints trials per second and the
 * per-trial time against the smallest count (flat cost means a ratio near 1). The progress lines go to
 * a file, as they would with stdout redirected.
 */
final class LoopBenchmark {
  private final PrintStream out;

  LoopBenchmark(PrintStream out) {
    this.out = out;
  }

  /**
   * @param seconds the whole command, start-up and result files included
   * @param tailMicros per-trial time over the run's last 1,000 trials, from the journal's end times:
   *     the cost of a trial at that study size, without the fixed start-up cost
   */
  record Row(int trials, double seconds, double tailMicros) {
    double perTrialMicros() {
      return seconds * 1e6 / trials;
    }
  }

  private boolean resume;
  private int largest;
  private List<Integer> counts;
  private String windowLine;

  /** After each count, also time resuming its journal (for one more trial). */
  LoopBenchmark resume(boolean r) {
    this.resume = r;
    return this;
  }

  void run(List<Integer> counts, int params, String fsync, String method, int parallel) {
    this.counts = counts.stream().sorted().toList();
    this.largest = this.counts.get(this.counts.size() - 1);
    Path work;
    try {
      work = Files.createTempDirectory("hypermax-loop-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      out.printf(Locale.ROOT, "loop benchmark: %s search, %d parameters, trivial java_function, parallel %d, journal on (storage.fsync: %s)%n",
          method, params, parallel, fsync);
      // A short warm-up run, so the first count does not pay for class loading and JIT alone.
      once(work, "warmup", Math.min(500, counts.get(0)), params, fsync, method, parallel);
      Row base = null;
      out.printf(Locale.ROOT, "%10s %10s %12s %14s %20s %12s%n",
          "trials", "seconds", "trials/s", "us per trial", "us/trial, last 1000", "vs first");
      for (int n : counts) {
        Row row = once(work, "n" + n, n, params, fsync, method, parallel);
        if (base == null) {
          base = row;
        }
        out.printf(Locale.ROOT, "%10d %10.2f %12.0f %14.1f %20.1f %11.2fx%n",
            n, row.seconds(), n / row.seconds(), row.perTrialMicros(), row.tailMicros(), row.tailMicros() / base.tailMicros());
      }
      out.println("(vs first: per-trial time over the last 1000 trials, against the first count's; flat cost is about 1.00x)");
      if (windowLine != null) {
        out.println(windowLine);
      }
      long peak = 0;
      for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      out.printf(Locale.ROOT, "peak heap used %.0f MiB of a maximum of %.0f MiB (sum of the heap pools' peaks)%n",
          peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    } finally {
      deleteTree(work);
    }
  }

  private Row once(Path work, String name, int trials, int params, String fsync, String method, int parallel) {
    Path dir = work.resolve(name);
    try {
      Files.createDirectories(dir);
      StringBuilder space = new StringBuilder();
      for (int i = 0; i < params; i++) {
        space.append("    x").append(i).append(": {type: number, min: -5, max: 5}\n");
      }
      Path config = dir.resolve("loop.yaml");
      Files.writeString(config, """
          hyperparameters:
            type: object
            properties:
          %s
          function:
            type: java_function
            class: io.hypermax.examples.bench.LoopObjective
            method: sphere
            parallel: %d
          search:
            method: %s
            iterations: %d
            seed: 1
          storage:
            fsync: %s
          results:
            directory: %s
            graphs: false
          """.formatted(space.toString().stripTrailing(), parallel, method, trials, fsync, dir.resolve("results").toString().replace("\\", "/")));
      PrintStream oldOut = System.out;
      long start;
      long end;
      int rc;
      try (PrintStream progress = new PrintStream(Files.newOutputStream(dir.resolve("stdout.txt")), true, StandardCharsets.UTF_8)) {
        System.setOut(progress);
        start = System.nanoTime();
        rc = Main.run("--no-ui", config.toString());
        end = System.nanoTime();
      } finally {
        System.setOut(oldOut);
      }
      if (rc != 0) {
        throw new UserException("the loop benchmark's search failed (exit " + rc + "); see " + dir, 1);
      }
      long rows = Files.lines(dir.resolve("results_0/results.csv")).count() - 1;
      if (rows != trials) {
        throw new UserException("the loop benchmark wrote " + rows + " rows to results.csv, expected " + trials, 1);
      }
      Row row = new Row(trials, (end - start) / 1e9, tailMicros(dir.resolve("results_0/journal.jsonl"), 1000));
      if (!name.equals("warmup") && trials == largest) {
        // Within one study: does a trial cost more once the study is large? Windows of 1000 trials ending at each count.
        List<java.time.Instant> ends = endTimes(dir.resolve("results_0/journal.jsonl"));
        StringBuilder windows = new StringBuilder();
        for (int c : counts) {
          double us = windowMicros(ends, Math.max(1, c - 1000), c);
          windows.append(String.format(Locale.ROOT, "  trials %d-%d: %.1f us", Math.max(1, c - 1000), c, us));
        }
        double first = windowMicros(ends, Math.max(1, counts.get(0) - 1000), counts.get(0));
        double last = windowMicros(ends, Math.max(1, largest - 1000), largest);
        windowLine = String.format(Locale.ROOT, "within the %d-trial study, per trial:%s  (last/first %.2fx)", largest, windows, last / first);
      }
      if (resume && !name.equals("warmup")) {
        // Resume the finished study for one more trial: reading the journal, rebuilding, results.csv once.
        try (PrintStream progress = new PrintStream(Files.newOutputStream(dir.resolve("resume.txt")), true, StandardCharsets.UTF_8)) {
          System.setOut(progress);
          long s = System.nanoTime();
          int code = Main.run("--no-ui", "--iterations", Integer.toString(trials + 1), config.toString(), dir.resolve("results_0").toString());
          long e = System.nanoTime();
          if (code != 0) {
            throw new UserException("resuming the loop benchmark's search failed (exit " + code + "); see " + dir, 1);
          }
          out.printf(Locale.ROOT, "%10s resumed a %d-trial journal and ran one more trial in %.2f s%n", "", trials, (e - s) / 1e9);
        } finally {
          System.setOut(oldOut);
        }
      }
      deleteTree(dir);
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mean time between the end records of the last {@code k} finished trials of a journal. */
  static double tailMicros(Path journal, int k) throws IOException {
    List<java.time.Instant> ends = endTimes(journal);
    return windowMicros(ends, ends.size() - Math.min(k, ends.size() - 1), ends.size());
  }

  /** The end times of a journal's finished trials, in the order they finished. */
  static List<java.time.Instant> endTimes(Path journal) throws IOException {
    List<java.time.Instant> ends = new java.util.ArrayList<>();
    try (Stream<String> lines = Files.lines(journal)) {
      lines.filter(l -> l.startsWith("{\"event\":\"end\"")).forEach(l -> {
        int at = l.lastIndexOf("\"end\":\"");
        ends.add(java.time.Instant.parse(l.substring(at + 7, l.indexOf('"', at + 7))));
      });
    }
    return ends;
  }

  /** Mean time per trial of the finished trials {@code from+1 .. to} (1-based count), from their end times. */
  static double windowMicros(List<java.time.Instant> ends, int from, int to) {
    if (from < 1 || to > ends.size() || to <= from) {
      return Double.NaN;
    }
    return java.time.Duration.between(ends.get(from - 1), ends.get(to - 1)).toNanos() / 1e3 / (to - from);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
