package io.hypermax.results.internal.charts;

import java.awt.Color;
import io.hypermax.core.stability.API;

/**
 * The viridis colour map (matplotlib's default): perceptually uniform, readable in grey and by colour-blind
 * readers, dark purple at 0 through teal to yellow at 1. It replaces the original's blue-green-yellow-red ramp,
 * whose hard jumps drew edges that were not in the data. Sampled at 16 evenly spaced points (the published
 * viridis(16) palette) and interpolated linearly in between, which stays within a few RGB units of the full map.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Viridis {
  private static final int[] ANCHORS = {
    0x440154, 0x481A6C, 0x472F7D, 0x414487, 0x39568C, 0x31688E, 0x2A788E, 0x23888E,
    0x1F988B, 0x22A884, 0x35B779, 0x54C568, 0x7AD151, 0xA5DB36, 0xD2E21B, 0xFDE725
  };
  private static final int LUT = 1024;
  private static final int[] TABLE = new int[LUT];

  static {
    for (int i = 0; i < LUT; i++) {
      TABLE[i] = interpolate(i / (double) (LUT - 1));
    }
  }

  private Viridis() {}

  private static int interpolate(double t) {
    double f = Math.max(0, Math.min(1, t)) * (ANCHORS.length - 1);
    int i = Math.min(ANCHORS.length - 2, (int) Math.floor(f));
    double w = f - i;
    int a = ANCHORS[i];
    int b = ANCHORS[i + 1];
    int r = (int) Math.round(((a >> 16) & 255) * (1 - w) + ((b >> 16) & 255) * w);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - w) + ((b >> 8) & 255) * w);
    int bl = (int) Math.round((a & 255) * (1 - w) + (b & 255) * w);
    return 0xFF000000 | (r << 16) | (g << 8) | bl;
  }

  /** ARGB (opaque) at position t in [0, 1]; NaN gives light grey. */
  public static int rgb(double t) {
    if (Double.isNaN(t)) {
      return 0xFFD9D9D9;
    }
    return TABLE[(int) Math.round(Math.max(0, Math.min(1, t)) * (LUT - 1))];
  }

  public static Color color(double t) {
    return new Color(rgb(t), false);
  }

  public static Color color(double t, int alpha) {
    return new Color((rgb(t) & 0xFFFFFF) | (alpha << 24), true);
  }

  /** Relative luminance (0 dark .. 1 light), so text over a cell can pick black or white. */
  public static double luminance(double t) {
    int c = rgb(t);
    return (0.2126 * ((c >> 16) & 255) + 0.7152 * ((c >> 8) & 255) + 0.0722 * (c & 255)) / 255;
  }
}
