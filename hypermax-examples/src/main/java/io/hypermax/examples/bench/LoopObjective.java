package io.hypermax.examples.bench;

import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * A trivial objective for measuring the search loop itself (``hypermax bench --loop``): the sphere
 * over whatever numbers it is given, so nearly all of a trial's time is hypermax's own.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LoopObjective {
  private LoopObjective() {}

  public static double sphere(Map<String, Object> params) {
    double sum = 0;
    for (Object v : params.values()) {
      if (v instanceof Number n) {
        sum += n.doubleValue() * n.doubleValue();
      }
    }
    return sum;
  }
}
