package io.hypermax.executors.internal.process;

import io.hypermax.core.config.ConfigNode;
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * The {@code auto_kill_*} settings of the {@code function} section. A limit that is not set is
 * NaN. {@code auto_kill_loss} is required as soon as any limit is set, because a killed trial must
 * tell the optimizer something.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record KillLimits(double maxTimeSeconds, double maxRamMiB, double maxSystemRamMiB, double killLoss) {
  public static final String MAX_TIME = "auto_kill_max_time";
  public static final String MAX_RAM = "auto_kill_max_ram";
  public static final String MAX_SYSTEM_RAM = "auto_kill_max_system_ram";
  public static final String LOSS = "auto_kill_loss";
  /** The {@code function} keys of the kill limits, declared by every executor that enforces them. */
  public static final java.util.Set<String> KEYS = java.util.Set.of(MAX_TIME, MAX_RAM, MAX_SYSTEM_RAM, LOSS);

  /** {@code own} keys plus {@link #KEYS}. */
  public static java.util.Set<String> withKillKeys(java.util.Collection<String> own) {
    java.util.Set<String> all = new java.util.HashSet<>(own);
    all.addAll(KEYS);
    return java.util.Set.copyOf(all);
  }

  public static final KillLimits NONE = new KillLimits(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KillLimits.class);

  /**
   * The limits of an executor that runs trials as processes, with the default wall-time policy: no
   * limit is imposed (a model may rightly train for days), but a search without
   * {@code auto_kill_max_time} is warned once that one hung trial would stall it forever.
   */
  public static KillLimits forProcesses(ConfigNode function) {
    KillLimits limits = from(function);
    if (!limits.hasTimeLimit()) {
      LOG.warn("{}: function.{} is not set, so a trial that hangs stalls the search forever; for a search that runs"
          + " unattended set it (with {}) to a generous bound on one trial's time", function.file(), MAX_TIME, LOSS);
    }
    return limits;
  }

  public static KillLimits from(ConfigNode function) {
    double time = positive(function, MAX_TIME);
    double ram = positive(function, MAX_RAM);
    double systemRam = positive(function, MAX_SYSTEM_RAM);
    Optional<Double> loss = function.optDouble(LOSS);
    boolean anyLimit = !Double.isNaN(time) || !Double.isNaN(ram) || !Double.isNaN(systemRam);
    if (anyLimit && loss.isEmpty()) {
      throw function.get(LOSS).error(
          "is required when auto_kill_max_time, auto_kill_max_ram or auto_kill_max_system_ram is set: "
              + "the loss a killed trial reports to the optimizer (e.g. the worst loss you expect)");
    }
    return new KillLimits(time, ram, systemRam, loss.orElse(Double.NaN));
  }

  private static double positive(ConfigNode function, String key) {
    Optional<Double> value = function.optDouble(key);
    if (value.isPresent() && value.get() <= 0) {
      throw function.get(key).error("must be greater than 0, found " + value.get());
    }
    return value.orElse(Double.NaN);
  }

  public boolean hasTimeLimit() {
    return !Double.isNaN(maxTimeSeconds);
  }

  public boolean hasRamLimit() {
    return !Double.isNaN(maxRamMiB);
  }

  public boolean hasSystemRamLimit() {
    return !Double.isNaN(maxSystemRamMiB);
  }

  /** Nanoseconds from the start at which the time limit is crossed, or Long.MAX_VALUE. */
  public long deadlineNanos() {
    return hasTimeLimit() ? (long) (maxTimeSeconds * 1e9) : Long.MAX_VALUE;
  }

  /** Why a sample crosses a memory limit, or empty. */
  public Optional<String> memoryViolation(double treeRssMiB, double systemUsedMiB) {
    if (hasRamLimit() && treeRssMiB > maxRamMiB) {
      return Optional.of(String.format(
          "killed: %s %s MiB exceeded, the trial's processes used %.0f MiB (resident)",
          MAX_RAM, format(maxRamMiB), treeRssMiB));
    }
    if (hasSystemRamLimit() && systemUsedMiB > maxSystemRamMiB) {
      return Optional.of(String.format(
          "killed: %s %s MiB exceeded, the machine used %.0f MiB", MAX_SYSTEM_RAM, format(maxSystemRamMiB), systemUsedMiB));
    }
    return Optional.empty();
  }

  public String timeViolation(double elapsedSeconds) {
    return String.format("killed: %s %s s exceeded, the trial ran %.2f s", MAX_TIME, format(maxTimeSeconds), elapsedSeconds);
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
