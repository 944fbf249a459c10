package io.hypermax.cli;

import java.util.Map;

/** Objective functions the CLI tests name in their configs. */
public final class Objectives {
  private Objectives() {}

  /** A bowl with its minimum 0 at x = 1, y = -2. */
  public static double bowl(Map<String, Object> p) {
    double x = ((Number) p.get("x")).doubleValue();
    double y = ((Number) p.get("y")).doubleValue();
    return (x - 1) * (x - 1) + (y + 2) * (y + 2);
  }

  /** The bowl, slowly: gives a test time to kill the process mid-search. */
  public static Map<String, Object> slowBowl(Map<String, Object> p) throws InterruptedException {
    Thread.sleep(40);
    return Map.of("loss", bowl(p), "epochs", 3);
  }

  /**
   * A training run of {@code epochs} (default 20) epochs whose loss at epoch e is bowl / 50 + 1 / e,
   * reported through the trial's handle; stops when pruned. The budget parameter, when passed, sets the epochs.
   */
  public static double epochs(Map<String, Object> p, io.hypermax.core.pruning.TrialHandle trial) throws InterruptedException {
    int epochs = p.get("epochs") instanceof Number n ? n.intValue() : 20;
    double loss = Double.NaN;
    for (int e = 1; e <= epochs; e++) {
      Thread.sleep(8);
      loss = bowl(p) / 50 + 1.0 / e;
      if (trial.report(e, loss)) {
        return loss;
      }
    }
    return loss;
  }

  public static double broken(Map<String, Object> p) {
    throw new IllegalStateException("the model does not converge");
  }

  /** ZDT1 over x1..x<n> (every parameter named x<i>), both objectives minimised: {"f1", "f2"}. */
  public static Map<String, Object> zdt1(Map<String, Object> p) {
    int n = p.size();
    double f1 = ((Number) p.get("x1")).doubleValue();
    double sum = 0;
    for (int i = 2; i <= n; i++) {
      sum += ((Number) p.get("x" + i)).doubleValue();
    }
    double g = 1 + 9 * sum / (n - 1);
    return Map.of("f1", f1, "f2", g * (1 - Math.sqrt(f1 / g)));
  }

  /** The bowl after a random pause of 0-20 ms: parallel trials finish in a different order every run. */
  public static double jitterBowl(Map<String, Object> p) throws InterruptedException {
    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(21));
    return bowl(p);
  }

  /** The bowl after a pause of 5 ms: fast enough for many trials, slow enough to be killed mid-search. */
  public static double quickBowl(Map<String, Object> p) throws InterruptedException {
    Thread.sleep(5);
    return bowl(p);
  }
}
