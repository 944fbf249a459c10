package io.hypermax.results.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.Trial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFollowerTest {
  @TempDir Path dir;

  @Test
  void followsAppendsIncrementallyAndWaitsForAPartialLine() throws Exception {
    JournalFollower follower = new JournalFollower(dir);
    assertSame(StoredStudy.EMPTY, follower.read(), "no journal yet: an empty study");
    try (StudyWriter w = new StudyWriter(dir)) {
      w.trials(0, 3);
      StoredStudy first = follower.read();
      assertEquals(3, first.finished().size());
      assertSame(first, follower.read(), "nothing new: the same instance");
      Trial running = w.start(3);
      StoredStudy second = follower.read();
      assertEquals(3, second.finished().size());
      assertEquals(3, second.abandoned().get(0).number(), "a started trial is seen as unfinished (running)");
      w.finish(running);
      assertEquals(4, follower.read().finished().size());
    }
    // a line still being written is not read until its newline arrives
    Path journal = dir.resolve(Journal.FILE_NAME);
    String last = Files.readAllLines(journal).get(Files.readAllLines(journal).size() - 1);
    String half = last.replace("\"trial\":3", "\"trial\":9");
    Files.writeString(journal, half.substring(0, 10), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    StoredStudy partial = follower.read();
    assertEquals(4, partial.finished().size());
    assertTrue(partial.problems().isEmpty(), partial.problems().toString());
    Files.writeString(journal, "{not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    StoredStudy damaged = follower.read();
    assertEquals(1, damaged.problems().size(), "a damaged complete line is a problem, named: " + damaged.problems());
    assertTrue(damaged.problems().get(0).contains("journal.jsonl line"), damaged.problems().get(0));
  }

  @Test
  void aRewrittenShorterJournalIsReplayedFromTheStart() throws Exception {
    JournalFollower follower = new JournalFollower(dir);
    try (StudyWriter w = new StudyWriter(dir)) {
      w.trials(0, 5);
    }
    assertEquals(5, follower.read().finished().size());
    Files.delete(dir.resolve(Journal.FILE_NAME));
    try (StudyWriter w = new StudyWriter(dir)) {
      w.trials(0, 2);
    }
    assertEquals(2, follower.read().finished().size());
  }
}
