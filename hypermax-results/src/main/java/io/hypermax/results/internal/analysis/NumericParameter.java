package io.hypermax.results.internal.analysis;

import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.stability.API;

/**
 * A numeric parameter as the charts need it.
 *
 * @param log whether it is searched on a logarithmic scale (log axes, log-spaced buckets)
 * @param step its rounding grid, or null when continuous
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record NumericParameter(String path, boolean log, Double step) {

  public static NumericParameter of(Parameter p) {
    NumberDistribution d = (NumberDistribution) p.distribution();
    return new NumericParameter(p.path(), d.isLog(), d.step());
  }

  public static NumericParameter linear(String path) {
    return new NumericParameter(path, false, null);
  }

  public static NumericParameter logarithmic(String path) {
    return new NumericParameter(path, true, null);
  }
}
