package io.hypermax.core.trial;

/**
 * What a trial consumed, when the executor could measure it: peak resident memory of its process
 * tree in MiB, CPU seconds, wall seconds. Unknown values are NaN.
 */
public record ResourceUsage(double peakRssMiB, double cpuSeconds, double wallSeconds) {
  public static final ResourceUsage UNKNOWN = new ResourceUsage(Double.NaN, Double.NaN, Double.NaN);

  public static ResourceUsage wallOnly(double wallSeconds) {
    return new ResourceUsage(Double.NaN, Double.NaN, wallSeconds);
  }
}
