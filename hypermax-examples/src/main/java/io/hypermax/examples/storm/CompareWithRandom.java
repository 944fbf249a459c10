package io.hypermax.examples.storm;

import io.hypermax.core.dbr.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.hypermax.core.stability.API;

/**
 * The counterpart of StoRM's {@code compare_to_random_search.py}: tunes {@link StormExample}'s
 * network with StoRM and with random search over several seeds and prints the best validation loss
 * each reached.
 *
 * <pre>
 * java -cp hypermax-cli/target/hypermax-cli-*-all.jar io.hypermax.examples.storm.CompareWithRandom [trials] [seeds]
 * </pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CompareWithRandom {
  private CompareWithRandom() {}

  public static void main(String[] args) throws IOException {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path work = Files.createTempDirectory("storm-compare");
    for (String method : List.of("storm", "random")) {
      List<Double> best = new ArrayList<>();
      for (int seed = 0; seed < seeds; seed++) {
        Path project = work.resolve(method + "-" + seed);
        best.add(
            StormExample.tuner(project, trials, seed, method).search().best().map(TrialRecord::score).orElse(Double.NaN));
      }
      List<Double> sorted = best.stream().sorted().toList();
      double mean = best.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double median = (sorted.get((seeds - 1) / 2) + sorted.get(seeds / 2)) / 2;
      System.out.printf(Locale.ROOT, "%-6s  mean best %.4f  median best %.4f  over %d seeds of %d trials%n", method, mean, median, seeds, trials);
    }
    delete(work);
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
