package io.hypermax.core.trial;

import io.hypermax.core.stability.API;

/**
 * What a trial consumed, when the executor could measure it: peak resident memory of its process
 * tree in MiB, CPU seconds, wall seconds, and (for functions inside the hypermax JVM) the MiB of
 * heap the trial's thread allocated. Unknown values are NaN.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ResourceUsage(double peakRssMiB, double cpuSeconds, double wallSeconds, double allocatedMiB) {
  public static final ResourceUsage UNKNOWN = new ResourceUsage(Double.NaN, Double.NaN, Double.NaN);

  /** Usage of a process (tree): the allocated heap is not known. */
  public ResourceUsage(double peakRssMiB, double cpuSeconds, double wallSeconds) {
    this(peakRssMiB, cpuSeconds, wallSeconds, Double.NaN);
  }

  public static ResourceUsage wallOnly(double wallSeconds) {
    return new ResourceUsage(Double.NaN, Double.NaN, wallSeconds);
  }
}
