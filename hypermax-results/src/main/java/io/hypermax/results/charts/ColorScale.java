package io.hypermax.results.charts;

import io.hypermax.results.analysis.ColorStops;
import java.awt.Color;

/** The blue → green → yellow → red scale of the original Hypermax, blue meaning best. */
public final class ColorScale {
  public static final Color BLUE = new Color(0.3f, 0.3f, 1f);
  public static final Color GREEN = new Color(0f, 1f, 0f);
  public static final Color YELLOW = new Color(1f, 1f, 0f);
  public static final Color RED = new Color(1f, 0f, 0f);

  private ColorScale() {}

  /** The colour at position t (0..1) given the stops. */
  public static Color color(double t, ColorStops s) {
    if (Double.isNaN(t)) {
      return Color.LIGHT_GRAY;
    }
    if (t <= s.blue()) {
      return BLUE;
    }
    if (t <= s.green()) {
      return mix(BLUE, GREEN, (t - s.blue()) / (s.green() - s.blue()));
    }
    if (t <= s.yellow()) {
      return mix(GREEN, YELLOW, (t - s.green()) / (s.yellow() - s.green()));
    }
    if (t <= s.red()) {
      return mix(YELLOW, RED, (t - s.yellow()) / (s.red() - s.yellow()));
    }
    return RED;
  }

  /** {@code size} RGB values sampled evenly over 0..1, for colouring many pixels quickly. */
  public static int[] lookup(ColorStops s, int size) {
    int[] lut = new int[size];
    for (int i = 0; i < size; i++) {
      lut[i] = color(i / (double) (size - 1), s).getRGB();
    }
    return lut;
  }

  private static Color mix(Color a, Color b, double f) {
    double w = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 1;
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * w),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * w),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * w));
  }
}
