package io.hypermax.executors.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.pruning.ProcessTrialHandle;
import io.hypermax.core.pruning.ReportProtocol;
import io.hypermax.core.pruning.TrialHandle;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report machinery's timer threads come from DaemonThreads: daemons (they never keep a finished search's JVM
 * alive), named for a thread dump, at normal priority whichever thread first needs them (a low-priority
 * caller's priority is not inherited for the rest of the JVM). The timers are shared by the JVM, so the priority
 * check is exact only when this test starts them first; {@code DaemonThreadsTest} checks the factory itself.
 */
class ReportThreadsTest {
  @TempDir Path dir;

  private static Thread named(String name) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no thread named " + name));
  }

  @Test
  void theReportFileAndPruneGraceTimersAreNormalPriorityDaemonsWhoeverStartsThemFirst() throws Exception {
    Path answers = Files.writeString(dir.resolve("answers.reply"), ReportProtocol.reply(1, true) + "\n");
    TrialHandle prunes = new ProcessTrialHandle(1, new PrintStream(OutputStream.nullOutputStream()), answers.toString());
    ReportFile[] file = new ReportFile[1];
    ReportChannel[] channel = new ReportChannel[1];
    Thread lowPriority = new Thread(() -> {
      file[0] = ReportFile.create(1, dir, line -> {}).start();
      channel[0] = ReportChannel.open(1, prunes, dir, 60, new TrialLog(null));
      channel[0].offer(ReportProtocol.line(1, 0.5)); // pruned: the grace timer is scheduled
    });
    lowPriority.setPriority(Thread.MIN_PRIORITY);
    lowPriority.start();
    lowPriority.join();
    try {
      assertTrue(channel[0].pruned());
      for (String name : List.of("hypermax-report-files", "hypermax-prune-grace")) {
        Thread t = named(name);
        assertTrue(t.isDaemon(), name);
        assertEquals(Thread.NORM_PRIORITY, t.getPriority(), name);
      }
    } finally {
      file[0].close();
      channel[0].close();
    }
  }
}
