package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.objective.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Writes studies whose true importances are known, for {@code bench/optuna_importance.py} to score hypermax's and
 * Optuna's importance against the truth. Problems of our own (not the quick start), random sampling, 40 and 100
 * trials, 5 seeds each. Run with
 * {@code mvn -pl hypermax-results test -Dtest=ImportanceBenchmark -Dhypermax.bench=true -Dhypermax.bench.out=DIR}.
 *
 * <p>The truth is each parameter's share of the loss's variance explained by its main effect, estimated by Monte
 * Carlo (200,000 draws, 50 bins a parameter) on the same prior: what a main-effect importance should find.
 */
class ImportanceBenchmark {
  private record Problem(String name, List<Parameter> params, ToDoubleFunction<Map<String, Object>> loss) {}

  private static double d(Map<String, Object> p, String k) {
    return ((Number) p.get(k)).doubleValue();
  }

  private static List<Problem> problems() {
    List<Parameter> four = List.of(
        Parameter.of("a", NumberDistribution.uniform(0, 10)), Parameter.of("b", NumberDistribution.uniform(0, 10)),
        Parameter.of("c", NumberDistribution.uniform(0, 10)), Parameter.of("d", NumberDistribution.uniform(0, 10)));
    List<Parameter> mixed = List.of(
        Parameter.of("lr", NumberDistribution.logUniform(1e-4, 1)), Parameter.of("layers", NumberDistribution.integer(1, 8, false)),
        Parameter.of("dropout", NumberDistribution.uniform(0, 0.8)), Parameter.of("unused", NumberDistribution.uniform(0, 1)));
    return List.of(
        new Problem("bowl", four, p -> 3 * Math.pow(d(p, "a") - 5, 2) + 2 * d(p, "b") + 0.5 * d(p, "c")),
        new Problem("mixed", mixed, p -> Math.pow(Math.log10(d(p, "lr")) + 2.5, 2) + 0.6 * Math.abs(d(p, "layers") - 4)
            + 4 * Math.pow(d(p, "dropout") - 0.3, 2)),
        new Problem("skewed", four, p -> Math.exp(d(p, "a") / 2) + 20 * d(p, "b") + 5 * Math.sin(d(p, "c"))));
  }

  @Test
  void writeStudiesWithKnownImportance() throws IOException {
    assumeTrue(Boolean.getBoolean("hypermax.bench"), "benchmark: run with -Dhypermax.bench=true");
    Path out = Path.of(System.getProperty("hypermax.bench.out", "target/importance-bench"));
    for (Problem pr : problems()) {
      Map<String, Double> truth = truth(pr);
      for (int n : new int[] {40, 100}) {
        for (int seed = 1; seed <= 5; seed++) {
          Path dir = Files.createDirectories(out.resolve(pr.name() + "_" + n + "_s" + seed));
          write(pr, n, seed, truth, dir);
        }
      }
    }
    System.out.println("wrote studies into " + out.toAbsolutePath());
  }

  private static Map<String, Object> draw(Problem pr, Random r) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (Parameter q : pr.params()) {
      p.put(q.path(), q.distribution().sample(r));
    }
    return p;
  }

  private static Map<String, Double> truth(Problem pr) {
    Random r = new Random(12345);
    int n = 200_000;
    List<Map<String, Object>> xs = new ArrayList<>();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      xs.add(draw(pr, r));
      y[i] = pr.loss().applyAsDouble(xs.get(i));
    }
    double mean = Stats.mean(y);
    double total = 0;
    for (double v : y) {
      total += (v - mean) * (v - mean);
    }
    Map<String, Double> main = new LinkedHashMap<>();
    double sum = 0;
    for (Parameter q : pr.params()) {
      NumberDistribution dist = (NumberDistribution) q.distribution();
      int bins = 50;
      double[] s = new double[bins];
      int[] c = new int[bins];
      for (int i = 0; i < n; i++) {
        double u = (dist.toInternal(xs.get(i).get(q.path())) - dist.internalLow()) / (dist.internalHigh() - dist.internalLow());
        int b = Math.min(bins - 1, (int) (u * bins));
        s[b] += y[i];
        c[b]++;
      }
      double between = 0;
      for (int b = 0; b < bins; b++) {
        if (c[b] > 0) {
          between += c[b] * Math.pow(s[b] / c[b] - mean, 2);
        }
      }
      main.put(q.path(), between / total);
      sum += between / total;
    }
    for (Map.Entry<String, Double> e : main.entrySet()) {
      e.setValue(e.getValue() / sum);
    }
    return main;
  }

  private static void write(Problem pr, int n, int seed, Map<String, Double> truth, Path dir) throws IOException {
    Random r = new Random(seed * 7919L + n);
    List<Observation> obs = new ArrayList<>();
    StringBuilder csv = new StringBuilder("trial,status,loss");
    pr.params().forEach(q -> csv.append(',').append(q.path()));
    csv.append('\n');
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = draw(pr, r);
      double loss = pr.loss().applyAsDouble(p) + r.nextGaussian() * 0.05;
      obs.add(new Observation(i, loss, loss, 1, p));
      csv.append(i).append(",COMPLETE,").append(loss);
      pr.params().forEach(q -> csv.append(',').append(p.get(q.path())));
      csv.append('\n');
    }
    Files.writeString(dir.resolve("results.csv"), csv);
    List<NumericParameter> numeric = pr.params().stream().map(NumericParameter::of).toList();
    Importance imp = Importance.compute(new Observations(obs, Direction.MINIMIZE, numeric, List.of()));
    StringBuilder ic = new StringBuilder("parameter,omega_squared,share,groups,share_low,share_high\n");
    for (Importance.Entry e : imp.entries()) {
      ic.append(String.format(Locale.ROOT, "%s,%f,%f,%d,%f,%f%n", e.parameter(), e.omegaSquared(), e.share(), e.groups(),
          e.low(), e.high()));
    }
    Files.writeString(dir.resolve("importance.csv"), ic);
    StringBuilder tc = new StringBuilder("parameter,share\n");
    truth.forEach((k, v) -> tc.append(String.format(Locale.ROOT, "%s,%f%n", k, v)));
    Files.writeString(dir.resolve("truth.csv"), tc);
    StringBuilder space = new StringBuilder("{\"hyperparameters\":{\"type\":\"object\",\"properties\":{");
    for (int i = 0; i < pr.params().size(); i++) {
      Parameter q = pr.params().get(i);
      NumberDistribution dist = (NumberDistribution) q.distribution();
      space.append(i > 0 ? "," : "").append('"').append(q.path()).append("\":{\"type\":\"")
          .append(dist.integer() ? "integer" : "number").append("\",\"min\":").append(dist.min()).append(",\"max\":")
          .append(dist.max()).append(dist.isLog() ? ",\"scaling\":\"logarithmic\"" : "").append('}');
    }
    space.append("}}}");
    Files.writeString(dir.resolve("search.json"), space);
  }
}
