package io.hypermax.results.internal.dashboard;

import io.hypermax.core.trial.ResourceUsage;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Live resource use of running trials (resident memory, CPU seconds so far), by trial number, for the "running"
 * table. The journal holds usage only once a trial has finished, so a dashboard that follows a directory from
 * another process has none ({@link #NONE}); a search that serves its own dashboard can plug its executors'
 * monitors in here.
 */
@FunctionalInterface
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface RunningUsage {
  RunningUsage NONE = Map::of;

  /**
   * The samples the executors of this JVM publish on {@link io.hypermax.core.monitor.LiveUsage} (process-based
   * trials), for a dashboard served beside its own search; wall time is left 0, the page shows elapsed time.
   */
  RunningUsage THIS_PROCESS = () -> {
    Map<Integer, ResourceUsage> out = new java.util.HashMap<>();
    io.hypermax.core.monitor.LiveUsage.all().forEach((trial, s) -> out.put(trial, new ResourceUsage(s.rssMiB(), s.cpuSeconds(), 0)));
    return out;
  };

  Map<Integer, ResourceUsage> now();
}
