package io.hypermax.results.dashboard;

import io.hypermax.core.trial.ResourceUsage;
import java.util.Map;

/**
 * Live resource use of running trials (resident memory, CPU seconds so far), by trial number, for the "running"
 * table. The journal holds usage only once a trial has finished, so a dashboard that follows a directory from
 * another process has none ({@link #NONE}); a search that serves its own dashboard can plug its executors'
 * monitors in here.
 */
@FunctionalInterface
public interface RunningUsage {
  RunningUsage NONE = Map::of;

  Map<Integer, ResourceUsage> now();
}
