package io.hypermax.core.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial process's side of the report protocol: a report line out, the answer for its step read from the reply file. */
class ProcessTrialHandleTest {
  @TempDir Path dir;
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private static void append(Path f, String text) throws Exception {
    Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Test
  void theAnswerForTheReportedStepIsReadEvenWhenItArrivesInPieces() throws Exception {
    Path reply = Files.createFile(dir.resolve("trial.reply"));
    ProcessTrialHandle handle = new ProcessTrialHandle(4, out, reply.toString());
    append(reply, ReportProtocol.reply(1, false) + "\n");
    assertFalse(handle.report(1, 0.9), "step 1 goes on");
    Thread hypermax = new Thread(() -> {
      try {
        Thread.sleep(50);
        append(reply, "1 prune\n" + ReportProtocol.reply(2, true).substring(0, 2)); // an old step's line, then half
        Thread.sleep(50);
        append(reply, ReportProtocol.reply(2, true).substring(2) + "\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    hypermax.start();
    assertTrue(handle.report(2, 0.95), "pruned at step 2");
    hypermax.join();
    assertTrue(handle.shouldPrune());
    String lines = printed.toString(StandardCharsets.UTF_8);
    assertTrue(lines.contains(ReportProtocol.line(1, 0.9)) && lines.contains(ReportProtocol.line(2, 0.95)), lines);
  }

  @Test
  void withoutAReplyFileReportsArePrintedButNeverAnswered() {
    ProcessTrialHandle handle = new ProcessTrialHandle(4, out, null);
    assertFalse(handle.report(1, 0.5));
    assertEquals(ReportProtocol.line(1, 0.5), printed.toString(StandardCharsets.UTF_8).strip());
  }
}
