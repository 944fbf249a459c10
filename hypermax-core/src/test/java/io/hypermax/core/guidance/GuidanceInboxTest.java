package io.hypermax.core.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.JsonValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox as the search reads it: whole lines once, never through a link, and no line too long to pass. */
class GuidanceInboxTest {
  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();

  private void appendRaw(String text) throws Exception {
    Files.writeString(dir.resolve(GuidanceInbox.FILE_NAME), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static String line(GuidanceEvent e) {
    return JsonValues.MAPPER.valueToTree(e.toJson()).toString();
  }

  @Test
  void aLineStillBeingWrittenIsReadOnceItIsWhole() throws Exception {
    GuidanceInbox inbox = new GuidanceInbox(dir, warnings::add);
    GuidanceEvent lock = GuidanceEvent.lock("act", "tanh", "cli");
    String text = line(lock);
    appendRaw("\n" + text.substring(0, 10));
    assertEquals(List.of(), inbox.poll(true));
    appendRaw(text.substring(10) + "\n");
    List<GuidanceEvent> read = inbox.poll(true);
    assertEquals(1, read.size());
    assertEquals(lock.id(), read.get(0).id());
    assertEquals(List.of(), inbox.poll(true), "read once");
    assertEquals(List.of(), warnings);
  }

  @Test
  void aLineLongerThanOneMebibyteDoesNotHoldUpTheLinesAfterIt() throws Exception {
    GuidanceInbox inbox = new GuidanceInbox(dir, warnings::add);
    appendRaw("{\"pad\":\"" + "x".repeat(1 << 20) + "\"}\n");
    GuidanceInbox.send(dir, List.of(GuidanceEvent.unlock("act", "cli")));
    List<GuidanceEvent> read = inbox.poll(true);
    assertEquals(1, read.size(), "the unlock after the long line: " + warnings);
    assertEquals(1, warnings.size(), "the long line is no guidance: " + warnings);
  }

  @Test
  void anInboxThatIsALinkIsNeitherReadNorWritten() throws Exception {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("inbox.jsonl");
    Files.writeString(elsewhere, line(GuidanceEvent.unlock("act", "cli")) + "\n");
    Files.createSymbolicLink(dir.resolve(GuidanceInbox.FILE_NAME), elsewhere);
    assertEquals(List.of(), new GuidanceInbox(dir, warnings::add).poll(true));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GuidanceInbox.send(dir, List.of(GuidanceEvent.unlock("act", "cli"))));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
  }
}
