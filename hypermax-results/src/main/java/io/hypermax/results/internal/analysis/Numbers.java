package io.hypermax.results.internal.analysis;

import io.hypermax.results.internal.analysis.Stats;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import io.hypermax.core.stability.API;

/** Short, readable number text for ticks and cell labels. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Numbers {
  private Numbers() {}

  /** {@code digits} significant digits, plain between 0.001 and 100000, scientific outside. */
  public static String format(double v, int digits) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v) || v == 0) {
      return v == 0 ? "0" : (v > 0 ? "inf" : "-inf");
    }
    double a = Math.abs(v);
    if (a < 1e-3 || a >= 1e5) {
      String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
      int e = s.indexOf('e');
      String mantissa = s.substring(0, e);
      if (mantissa.contains(".")) {
        mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }
    double r = Stats.round(v, digits);
    String s = Double.toString(r);
    if (s.indexOf('E') >= 0) {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** A NumberFormat for axes that uses {@link #format(double, int)} with 4 digits. */
  public static NumberFormat axisFormat() {
    return new Compact(i -> i);
  }

  /** A NumberFormat for an index axis whose tick i is labelled with edges[i]. */
  public static NumberFormat edgeFormat(double[] edges) {
    return new Compact(
        i -> {
          int k = (int) Math.round(i);
          return k >= 0 && k < edges.length && Math.abs(i - k) < 1e-9 ? edges[k] : Double.NaN;
        });
  }

  /** A NumberFormat for an axis over log10 of a value: tick v is labelled with 10^v. */
  public static NumberFormat powerOfTenFormat() {
    return new Compact(v -> Math.pow(10, v));
  }

  private static final class Compact extends NumberFormat {
    private final java.util.function.DoubleUnaryOperator map;

    Compact(java.util.function.DoubleUnaryOperator map) {
      this.map = map;
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(Numbers.format(map.applyAsDouble(number), 4));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      return null;
    }
  }
}
