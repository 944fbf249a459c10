package io.hypermax.results.internal.analysis;

import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * One COMPLETE trial as the analyses see it.
 *
 * @param score the loss with the direction applied: lower is always better
 * @param params flat parameter values of the active parameters
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Observation(int trial, double loss, double score, double time, Map<String, Object> params) {

  /** The numeric value of a parameter, or NaN when it is inactive or not a number. */
  public double number(String path) {
    Object v = params.get(path);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** Loss or time, by key. */
  public double value(ValueKey key) {
    return key == ValueKey.LOSS ? loss : time;
  }

  /** The lower-is-better form of loss or time. */
  public double badness(ValueKey key) {
    return key == ValueKey.LOSS ? score : time;
  }
}
