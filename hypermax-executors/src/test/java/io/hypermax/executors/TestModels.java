package io.hypermax.executors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Java models the java_process and java_function tests call. */
public final class TestModels {
  private TestModels() {}

  public static Object square(Map<String, Object> params) {
    double x = ((Number) params.get("x")).doubleValue();
    System.out.println("squaring " + x);
    Map<String, Object> result = new HashMap<>();
    result.put("loss", x * x);
    result.put("pid", ProcessHandle.current().pid());
    result.put("flag", params.get("flag"));
    result.put("list", params.get("list"));
    return result;
  }

  public static Object fail(Map<String, Object> params) {
    throw new IllegalStateException("diverged at step 3");
  }

  public static Object sleep(Map<String, Object> params) throws InterruptedException {
    Thread.sleep(30_000);
    return 0;
  }

  public static Object custom(Map<String, Object> params) {
    return Map.of("loss", 1.0, "when", java.time.Duration.ofSeconds(3));
  }

  public static Object answer(Map<String, Object> params) {
    return List.of(1, 2);
  }
}
