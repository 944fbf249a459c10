package io.hypermax.results.internal.analysis;

import io.hypermax.core.stability.API;

/**
 * The original Hypermax's percentile stops, now used only to size the points of the pair scatter (large for the best,
 * small from the {@code red} stop on); colours are viridis ({@code charts.Viridis}). Where the four colours sat on a
 * 0..1 scale: solid blue up to {@code blue}, blending to green at
 * {@code green}, yellow at {@code yellow}, red at {@code red}, solid red above it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ColorStops(double blue, double green, double yellow, double red) {

  /** The stops used when all values are equal, and for response matrices (10th/30th/60th/90th percentiles of a row). */
  public static final ColorStops FIXED = new ColorStops(0.1, 0.3, 0.6, 0.9);

  /**
   * Stops at the 5th, 20th, 40th and 90th percentiles of {@code badness} (lower is better), each
   * normalised to the values' min..max: blue marks the best 5%, red the worst 10%.
   */
  public static ColorStops percentiles(double[] badness) {
    double min = Stats.min(badness);
    double max = Stats.max(badness);
    if (badness.length == 0 || !(max > min)) {
      return FIXED;
    }
    double[] sorted = badness.clone();
    java.util.Arrays.sort(sorted);
    return new ColorStops(
        norm(Stats.percentileOfSorted(sorted, 5), min, max),
        norm(Stats.percentileOfSorted(sorted, 20), min, max),
        norm(Stats.percentileOfSorted(sorted, 40), min, max),
        norm(Stats.percentileOfSorted(sorted, 90), min, max));
  }

  private static double norm(double v, double min, double max) {
    return (v - min) / (max - min);
  }

  /** Position of a value on the 0..1 scale given the values' range (0.5 when the range is empty). */
  public static double position(double v, double min, double max) {
    return max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0.5;
  }
}
