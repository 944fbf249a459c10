package io.hypermax.results.internal.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import io.hypermax.core.stability.API;

/**
 * Numeric helpers shared by the analyses: commons-math3 does the statistics; only significant-digit
 * rounding (no commons-math3 equivalent: Precision.round counts decimal places) is written here.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Stats {
  private Stats() {}

  /** The q-th percentile (0..100) with linear interpolation between order statistics, as numpy's default. */
  public static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double p = Math.max(0, Math.min(100, q));
    // commons-math3 takes p in (0, 100]; R_7 is numpy's and R's default linear interpolation
    return p == 0 ? StatUtils.min(values) : new Percentile(p).withEstimationType(EstimationType.R_7).evaluate(values);
  }

  /** {@link #percentile} of values already sorted ascending (kept for callers that sorted once). */
  public static double percentileOfSorted(double[] sorted, double q) {
    return percentile(sorted, q);
  }

  public static double mean(double[] values) {
    return StatUtils.mean(values);
  }

  public static double median(double[] values) {
    return percentile(values, 50);
  }

  public static double min(double[] values) {
    return StatUtils.min(values);
  }

  public static double max(double[] values) {
    return StatUtils.max(values);
  }

  /** Population standard deviation. */
  public static double std(double[] values) {
    return new StandardDeviation(false).evaluate(values);
  }

  /** {@code v} rounded to {@code digits} significant digits (non-finite values unchanged). */
  public static double round(double v, int digits) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    // Scale so the kept digits are the integer part, round, scale back. Dividing an integer by an exact
    // power of ten gives the double nearest the decimal, so it prints as the short decimal.
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
    int shift = digits - 1 - exponent;
    if (shift > 300 || shift < -300) {
      return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }
    if (shift >= 0) {
      double scale = Math.pow(10, shift);
      double r = halfUp(v * scale);
      return Double.isFinite(r) && Math.abs(r) < 1e15 ? r / scale : new BigDecimal(v).round(new MathContext(digits)).doubleValue();
    }
    double scale = Math.pow(10, -shift);
    return halfUp(v / scale) * scale;
  }

  /** Rounds half away from zero (Math.rint rounds half to even: 1234.5 would become 1234). */
  private static double halfUp(double x) {
    return Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
  }

  /** Fractional ranks (ties share their average rank), 0-based; NaN ranks above every number. */
  public static double[] ranks(double[] values) {
    double[] ranks = new NaturalRanking(NaNStrategy.MAXIMAL, TiesStrategy.AVERAGE).rank(values);
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] -= 1; // commons-math3 ranks from 1
    }
    return ranks;
  }

  /** True when all values are equal (or there are none). */
  public static boolean constant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }
}
