package io.hypermax.executors;

import java.util.Map;

/** The functions the executor contract tests run in-JVM and in a JVM of their own. */
public final class ContractModels {
  private ContractModels() {}

  public static Object xPlusOne(Map<String, Object> params) {
    double x = ((Number) params.get("x")).doubleValue();
    return Map.of("loss", x + 1, "echo", x);
  }

  public static Object fail(Map<String, Object> params) {
    throw new IllegalStateException("contract failure");
  }

  public static Object sleep(Map<String, Object> params) throws InterruptedException {
    Thread.sleep(60_000);
    return 0;
  }
}
