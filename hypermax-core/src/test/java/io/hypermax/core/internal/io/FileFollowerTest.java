package io.hypermax.core.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one file follower, on the cases each of its former copies handled: the executors' report and Slurm output
 * files (byte-wise lines, truncation), the guidance inbox (no links, blank lines, a burst of many lines) and a trial's
 * reply file (answers that arrive in pieces).
 */
class FileFollowerTest {
  @TempDir Path dir;
  final List<String> lines = new ArrayList<>();
  /** The file most cases follow: a report file, a Slurm job's output, a reply file. */
  private Path followed;
  private FileFollower follower;

  private static void append(Path f, byte[] bytes) throws IOException {
    Files.write(f, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private FileFollower following(Path f) {
    return new FileFollower(f, FileFollower.Links.FOLLOW, lines::add);
  }

  @BeforeEach
  void follow() {
    followed = dir.resolve("followed.txt");
    follower = following(followed);
  }

  /** Appends {@code bytes} to the followed file and polls. */
  private void appendAndPoll(byte[] bytes) throws IOException {
    append(followed, bytes);
    follower.poll();
  }

  @Test
  void aMissingFileHasNoLinesUntilItIsWritten() throws Exception {
    follower.poll();
    assertEquals(List.of(), lines);
    appendAndPoll(bytes("one\n"));
    assertEquals(List.of("one"), lines);
  }

  @Test
  void completeLinesAreHandedOverOnceAndAPartialLastLineWaitsForItsNewline() throws Exception {
    appendAndPoll(bytes("3 continue\n4 pru"));
    assertEquals(List.of("3 continue"), lines);
    follower.poll();
    assertEquals(List.of("3 continue"), lines, "nothing new, nothing handed over again");
    appendAndPoll(bytes("ne\n\n5 continue\r\n"));
    assertEquals(List.of("3 continue", "4 prune", "", "5 continue\r"), lines, "blank lines and \\r are the consumer's to judge");
  }

  @Test
  void aCharacterSplitBetweenTwoWritesIsDecodedWhole() throws Exception {
    byte[] text = bytes("loss é→ok\n");
    int inTheArrow = bytes("loss é").length + 1;
    appendAndPoll(Arrays.copyOfRange(text, 0, inTheArrow));
    appendAndPoll(Arrays.copyOfRange(text, inTheArrow, text.length));
    assertEquals(List.of("loss é→ok"), lines);
  }

  @Test
  void aTruncatedFileIsReadAgainFromItsStartAndItsOldPartialLineIsDropped() throws Exception {
    appendAndPoll(bytes("hypermax:report 1 0.5\nhalf a li"));
    Files.writeString(followed, "again\n"); // a requeued job starts its output anew
    follower.poll();
    assertEquals(List.of("hypermax:report 1 0.5", "again"), lines);
  }

  @Test
  void manyLinesAndLinesLongerThanOneReadArriveWholeUpToTheCap() throws Exception {
    Path f = dir.resolve("guidance-inbox.jsonl");
    FileFollower inbox = new FileFollower(f, FileFollower.Links.NEVER_FOLLOW, lines::add);
    String longLine = "y".repeat(100_000); // many reads long, under the cap
    String hugeLine = "x".repeat(3 * 1024 * 1024); // over it: handed over cut, memory stays bounded
    StringBuilder many = new StringBuilder(longLine).append('\n').append(hugeLine).append('\n');
    for (int i = 0; i < 10_000; i++) {
      many.append(i).append('\n');
    }
    append(f, bytes(many.toString()));
    inbox.poll();
    assertEquals(10_002, lines.size());
    assertEquals(longLine, lines.get(0));
    assertEquals(hugeLine.substring(0, FileFollower.MAX_LINE), lines.get(1));
    assertEquals("0", lines.get(2));
    assertEquals("9999", lines.get(10_001));
  }

  @Test
  void aConsumerThatThrowsLosesOnlyItsOwnLine() throws Exception {
    List<String> taken = new ArrayList<>();
    FileFollower f = new FileFollower(followed, FileFollower.Links.FOLLOW, line -> {
      if (line.equals("bad")) {
        throw new IllegalStateException("storage unreachable");
      }
      taken.add(line);
    });
    append(followed, bytes("one\nbad\nthree\nfour"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, f::poll);
    assertEquals(List.of("one"), taken);
    append(followed, bytes("\nfive\n"));
    f.poll(); // goes on after the line that failed, with the rest of the same read and the partial line
    assertEquals(List.of("one", "three", "four", "five"), taken);
  }

  @Test
  void aLinkIsReadThroughOnlyWhenFollowed() throws Exception {
    Path target = dir.resolve("elsewhere.txt");
    append(target, bytes("secret\n"));
    Path link = Files.createSymbolicLink(dir.resolve("inbox"), target);
    new FileFollower(link, FileFollower.Links.NEVER_FOLLOW, lines::add).poll();
    assertEquals(List.of(), lines, "not through a link someone else may have put there");
    following(link).poll();
    assertEquals(List.of("secret"), lines);
  }

  @Test
  void aFolderAtThePathIsNoFileYet() throws Exception {
    Path f = Files.createDirectory(dir.resolve("out.txt"));
    following(f).poll();
    assertEquals(List.of(), lines);
  }
}
