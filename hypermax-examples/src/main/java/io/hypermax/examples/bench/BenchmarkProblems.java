package io.hypermax.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import io.hypermax.core.stability.API;

/**
 * The benchmark suite. Formulas, bounds and minima are those of the peer harness's problem files
 * ({@code shared/peers/problems/*.json}) so results compare with Optuna's side by side; rastrigin10
 * and sphere5 (the timing problem) are added by {@code hypermax-examples/bench/run_peer_extra.py}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BenchmarkProblems {
  private static final Map<String, BenchmarkProblem> ALL = new LinkedHashMap<>();

  static {
    add(TestFunctions.branin());
    add(TestFunctions.hartmann6());
    add(TestFunctions.rosenbrock10());
    add(TestFunctions.ackley10());
    add(TestFunctions.levy10());
    add(TestFunctions.styblinskiTang10());
    add(TestFunctions.rastrigin10());
    add(TestFunctions.intquad());
    add(TestFunctions.mixed());
  }

  private BenchmarkProblems() {}

  private static void add(BenchmarkProblem p) {
    ALL.put(p.name(), p);
  }

  /** The nine quality problems, in table order. */
  public static List<BenchmarkProblem> all() {
    return new ArrayList<>(ALL.values());
  }

  /** A problem by name; {@code sphere5} (the timing problem) is found here too. */
  public static BenchmarkProblem byName(String name) {
    if (name.equals("sphere5")) {
      return TestFunctions.sphere5();
    }
    BenchmarkProblem p = ALL.get(name);
    if (p == null) {
      throw new NoSuchElementException("unknown problem '" + name + "'; known: " + names() + ", sphere5");
    }
    return p;
  }

  public static List<String> names() {
    return new ArrayList<>(ALL.keySet());
  }

  /** "all" or a comma-separated list of names. */
  public static List<BenchmarkProblem> select(String spec) {
    if (spec.equals("all")) {
      return all();
    }
    List<BenchmarkProblem> out = new ArrayList<>();
    for (String name : spec.split(",")) {
      out.add(byName(name.trim()));
    }
    return out;
  }
}
