package io.hypermax.results.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial's log as the dashboard (its tail) and the console UI (its last lines) read it, and only from the logs folder. */
class TrialLogsTest {
  @TempDir Path dir;

  @Test
  void aLongLogsTailStartsAtALineAndSaysHowMuchIsNotShown() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    String line = "0123456789abcdef\n"; // 17 bytes
    int count = TrialLogs.TAIL_BYTES / line.length() + 10;
    Files.writeString(logs.resolve("trial_2.txt"), line.repeat(count));
    String tail = new TrialLogs(logs).tail(2).orElseThrow();
    long from = (long) count * line.length() - TrialLogs.TAIL_BYTES; // inside a line: the rest of it is not shown
    long skipped = from + line.length() - from % line.length();
    assertTrue(tail.startsWith("[… first " + skipped + " bytes not shown]\n" + line), tail.substring(0, 80));
    assertEquals(List.of(line.strip(), line.strip()), new TrialLogs(logs).lastLines(2, 2).orElseThrow());
  }

  @Test
  void nothingIsReadThroughALinkedLogsFolder() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("trial_1.txt"), "elsewhere\n");
    Path logs = Files.createSymbolicLink(dir.resolve("logs"), outside);
    assertEquals(Optional.empty(), new TrialLogs(logs).lastLines(1, 5));
    assertEquals(Optional.empty(), new TrialLogs(logs).tail(1));
    assertEquals(Optional.empty(), new TrialLogs(null).tail(1), "a study without logs");
  }
}
