package io.hypermax.results.internal.analysis;

import java.util.Locale;
import io.hypermax.core.stability.API;

/**
 * How several losses of one bucket or cell become one number. {@code MIN} is the best value: the
 * smallest loss when minimizing, the largest when maximizing (file names keep "min").
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Reduction {
  MIN,
  MEAN,
  MEDIAN;

  /** Reduces raw values; {@code scores} are the same values with the direction applied (lower is better). */
  public double reduce(double[] values, double[] scores) {
    return switch (this) {
      case MIN -> {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
          if (scores[i] < scores[best]) {
            best = i;
          }
        }
        yield values[best];
      }
      case MEAN -> Stats.mean(values);
      case MEDIAN -> Stats.median(values);
    };
  }

  /** Lower-case name used in file names and titles. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
