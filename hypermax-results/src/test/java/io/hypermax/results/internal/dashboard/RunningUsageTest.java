package io.hypermax.results.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hypermax.core.monitor.LiveUsage;
import io.hypermax.core.trial.ResourceUsage;
import org.junit.jupiter.api.Test;

class RunningUsageTest {
  @Test
  void aDashboardBesideItsSearchShowsWhatTheExecutorsPublish() {
    LiveUsage.publish(987_654, 123.5, 4.25);
    try {
      ResourceUsage u = RunningUsage.THIS_PROCESS.now().get(987_654);
      assertEquals(123.5, u.peakRssMiB());
      assertEquals(4.25, u.cpuSeconds());
    } finally {
      LiveUsage.clear(987_654);
    }
    assertFalse(RunningUsage.THIS_PROCESS.now().containsKey(987_654), "a finished trial leaves the running table");
  }
}
