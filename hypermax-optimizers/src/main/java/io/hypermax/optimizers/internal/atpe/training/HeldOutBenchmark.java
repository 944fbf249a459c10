package io.hypermax.optimizers.internal.atpe.training;

import io.hypermax.core.Hypermax;
import io.hypermax.core.internal.config.MethodText;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import io.hypermax.core.stability.API;

/**
 * Optimizers on simulated objectives that no training run generates (seeds from a separate range,
 * {@link #FIRST_OBJECTIVE}), with study seeds of their own: the held-out half of the atpe benchmark.
 * Regret = the best noiseless loss among a run's trials minus the lowest noiseless loss seen for that
 * objective (20,000 prior draws and every run of every method), so it is 0 for the best run.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HeldOutBenchmark {
  public static final long FIRST_OBJECTIVE = 9_000_000L;

  /** Per method and objective, the regret of each seed at each budget. */
  public record Result(List<String> methods, int objectives, List<Integer> budgets,
      Map<String, double[][][]> regrets) {}

  private HeldOutBenchmark() {}

  public static Result run(List<String> methods, int objectives, int seeds, List<Integer> budgets) {
    int maxBudget = budgets.stream().mapToInt(Integer::intValue).max().orElseThrow();
    Map<String, double[][][]> curves = new LinkedHashMap<>(); // method -> [objective][seed][budget-index] best true loss
    double[] minimum = new double[objectives];
    Arrays.fill(minimum, Double.POSITIVE_INFINITY);
    for (int o = 0; o < objectives; o++) {
      SimulatedObjective objective = SimulatedObjective.generate(FIRST_OBJECTIVE + o);
      SplittableRandom r = new SplittableRandom(FIRST_OBJECTIVE + o);
      for (int i = 0; i < 20_000; i++) {
        double v = objective.trueLoss(objective.space().sample(r));
        if (!Double.isNaN(v)) {
          minimum[o] = Math.min(minimum[o], v);
        }
      }
    }
    for (String method : methods) {
      double[][][] best = new double[objectives][seeds][budgets.size()];
      for (int o = 0; o < objectives; o++) {
        SimulatedObjective objective = SimulatedObjective.generate(FIRST_OBJECTIVE + o);
        for (int s = 0; s < seeds; s++) {
          double[] trace = trace(objective, method, 5000 + s, maxBudget);
          for (int b = 0; b < budgets.size(); b++) {
            best[o][s][b] = trace[budgets.get(b) - 1];
          }
          minimum[o] = Math.min(minimum[o], trace[maxBudget - 1]);
        }
      }
      curves.put(method, best);
    }
    for (double[][][] best : curves.values()) {
      for (int o = 0; o < objectives; o++) {
        for (double[] row : best[o]) {
          for (int b = 0; b < row.length; b++) {
            row[b] = row[b] - minimum[o];
          }
        }
      }
    }
    return new Result(List.copyOf(methods), objectives, List.copyOf(budgets), curves);
  }

  /** Best noiseless loss after each trial of one seeded study (1.0 until something succeeds). */
  static double[] trace(SimulatedObjective objective, String method, long seed, int budget) {
    SearchSpace space = objective.space();
    double[] out = new double[budget];
    double best = 1.0;
    // A method is a plugin id with optional settings, as for `hypermax bench`: atpe:atpe_model=file.json
    MethodText spec = MethodText.parse(method);
    Hypermax.StudyBuilder builder = Hypermax.study(space).method(spec.id()).seed(seed).iterations(budget);
    spec.settings().forEach(builder::setting);
    try (Study study = builder.build()) {
      for (int i = 0; i < budget; i++) {
        Trial t;
        try {
          t = study.ask();
        } catch (io.hypermax.core.spi.SearchExhaustedException e) {
          Arrays.fill(out, i, budget, best); // every configuration tried: the best stays
          break;
        }
        Assignment a = t.assignment();
        double loss = objective.evaluate(a, new SplittableRandom(seed * 1_000_003L + t.number()));
        if (Double.isNaN(loss)) {
          study.tell(t, TrialResult.failed("simulated failure", 0));
        } else {
          study.tell(t, TrialResult.complete(loss, 0, Map.of()));
          best = Math.min(best, objective.trueLoss(a));
        }
        out[i] = best;
      }
    }
    return out;
  }

  /** A markdown table: per method and budget, the median over objectives of each objective's median regret (IQR over objectives), and normalised. */
  public static List<String> table(Result r) {
    List<String> lines = new ArrayList<>();
    StringBuilder head = new StringBuilder("| method |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int b : r.budgets()) {
      head.append(" median regret @").append(b).append(" (q25-q75 over objectives) | wins @").append(b).append(" |");
      rule.append("---|---|");
    }
    lines.add(head.toString());
    lines.add(rule.toString());
    Map<String, double[][]> medians = new LinkedHashMap<>(); // method -> [budget][objective]
    for (String m : r.methods()) {
      double[][] per = new double[r.budgets().size()][r.objectives()];
      for (int b = 0; b < r.budgets().size(); b++) {
        for (int o = 0; o < r.objectives(); o++) {
          double[] seeds = new double[r.regrets().get(m)[o].length];
          for (int s = 0; s < seeds.length; s++) {
            seeds[s] = r.regrets().get(m)[o][s][b];
          }
          per[b][o] = quantile(seeds, 0.5);
        }
      }
      medians.put(m, per);
    }
    for (String m : r.methods()) {
      StringBuilder line = new StringBuilder("| " + m + " |");
      for (int b = 0; b < r.budgets().size(); b++) {
        double[] per = medians.get(m)[b];
        int wins = 0;
        for (int o = 0; o < r.objectives(); o++) {
          double mine = per[o];
          boolean best = true;
          for (String other : r.methods()) {
            if (medians.get(other)[b][o] < mine) {
              best = false;
            }
          }
          wins += best ? 1 : 0;
        }
        line.append(String.format(Locale.ROOT, " %.4g (%.4g-%.4g) | %d |", quantile(per, 0.5), quantile(per, 0.25),
            quantile(per, 0.75), wins));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return io.hypermax.optimizers.internal.atpe.HistoryFeatures.quantile(s, q);
  }
}
