package io.hypermax.core.spi;

import io.hypermax.core.pruning.TrialHandle;
import java.nio.file.Path;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * One trial to run.
 *
 * @param number the trial number
 * @param parameters the nested parameters the function receives
 * @param flatParameters the same values by dotted path
 * @param logFile where the executor writes the trial's output (stdout, stderr, stack traces); null
 *     when there is no results directory
 * @param logName the log's path as recorded in the results (relative to the results directory)
 * @param handle where the trial reports intermediate values and hears whether to stop (see docs/pruning.md);
 *     {@link TrialHandle#NONE} when nothing listens
 * @param pruneGraceSeconds how long a process trial may run on after it was pruned before it gets SIGTERM
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TrialRequest(
    int number, Map<String, Object> parameters, Map<String, Object> flatParameters, Path logFile, String logName,
    TrialHandle handle, double pruneGraceSeconds) {

  public TrialRequest {
    handle = handle == null ? TrialHandle.NONE : handle;
  }

  /** A request whose reports go nowhere. */
  public TrialRequest(
      int number, Map<String, Object> parameters, Map<String, Object> flatParameters, Path logFile, String logName) {
    this(number, parameters, flatParameters, logFile, logName, TrialHandle.NONE,
        io.hypermax.core.pruning.PrunerSettings.DEFAULT_GRACE_SECONDS);
  }

  /**
   * Where an executor creates the trial's temporary folder: {@code .trial-tmp} in the study's
   * directory (beside {@code logs}), which the next start of the study sweeps, so folders a killed
   * search left behind do not pile up. Null without a study directory (use the system's temp folder).
   */
  public Path tempDirectory() {
    Path logs = logFile == null ? null : logFile.toAbsolutePath().getParent();
    return logs == null || logs.getParent() == null ? null : logs.getParent().resolve(".trial-tmp");
  }
}
