package io.hypermax.core.space;

import java.util.random.RandomGenerator;
import io.hypermax.core.stability.API;

/**
 * The prior of one parameter, and its numeric internal axis.
 *
 * <p>Every optimizer works on the internal axis ({@link #toInternal}, {@link #fromInternal}) so that
 * log scaling, rounding and category indices are defined once, here: e.g. a log-scaled number's
 * axis is ln(value), a categorical's axis is its index.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Distribution {

  /** Draws a legal value from the prior. */
  Object sample(RandomGenerator rng);

  /** True when {@code value} is a legal value of this distribution. */
  boolean contains(Object value);

  /** Position of a legal value on the internal axis. */
  double toInternal(Object value);

  /** The legal value nearest to an internal-axis position (clipped, rounded, typed). */
  Object fromInternal(double internal);

  /** Lower end of the internal axis (may be -infinity for unbounded normal priors). */
  double internalLow();

  /** Upper end of the internal axis (may be +infinity for unbounded normal priors). */
  double internalHigh();

  /** False for constants: nothing to optimize. */
  default boolean isOptimizable() {
    return true;
  }

  /** Number of distinct values, or -1 when continuous. */
  default long cardinality() {
    return -1;
  }

  /** A short human description, e.g. {@code number[0.001, 1] logarithmic}. */
  String describe();
}
