package io.hypermax.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private Study journaled(io.hypermax.core.storage.StoredStudy state, int iterations) {
    Journal journal = Journal.open(dir);
    if (state == null) {
      journal.recordStudy(11);
    }
    Study.Builder b = Study.builder(StudyTest.SPACE, new PriorSampler()).seed(11).iterations(iterations).journal(journal);
    if (state != null) {
      b.restore(state);
    }
    return b.build();
  }

  @Test
  void rebuildsEveryFinishedTrialWithItsResult() {
    try (Study study = journaled(null, 6)) {
      study.run(new FunctionExecutor(p -> Map.of("loss", StudyTest.bowl(p), "note", "ok")), 1, null);
    }
    io.hypermax.core.storage.StoredStudy state = Journal.read(dir);
    assertEquals(11L, state.seed());
    assertEquals(6, state.finished().size());
    assertEquals(List.of(), state.abandoned());
    Trial t = state.finished().get(3);
    assertEquals(TrialStatus.COMPLETE, t.status());
    assertEquals(StudyTest.bowl(t.assignment().values()), t.loss(), 1e-12);
    assertEquals(Map.of("note", "ok"), t.result().metadata());
    assertTrue(t.assignment().values().get("n") instanceof Number);
  }

  @Test
  void aTornLastLineIsIgnoredAndTheJournalStaysWritable() throws Exception {
    try (Study study = journaled(null, 4)) {
      study.run(new FunctionExecutor(StudyTest::bowl), 1, null);
    }
    Path file = dir.resolve(Journal.FILE_NAME);
    Files.writeString(file, "{\"event\":\"end\",\"trial\":9,\"sta", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals(4, Journal.read(dir).finished().size());

    try (Study resumed = journaled(Journal.read(dir), 6)) {
      resumed.run(new FunctionExecutor(StudyTest::bowl), 1, null);
    }
    io.hypermax.core.storage.StoredStudy state = Journal.read(dir);
    assertEquals(6, state.finished().size());
    for (String line : Files.readAllLines(file)) {
      assertTrue(line.startsWith("{") && line.endsWith("}"), "every line is whole JSON: " + line);
    }
  }

  @Test
  void damagedLinesInTheMiddleAreReportedNotSilentlyDropped() throws Exception {
    try (Study study = journaled(null, 4)) {
      study.run(new FunctionExecutor(StudyTest::bowl), 1, null);
    }
    Path file = dir.resolve(Journal.FILE_NAME);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    int start2 = lines.indexOf(lines.stream().filter(l -> l.contains("\"start\"") && l.contains("\"trial\":2")).findFirst().orElseThrow());
    lines.set(start2, "{\"event\":\"start\",\"tri#garbage");
    Files.write(file, lines);
    io.hypermax.core.storage.StoredStudy state = Journal.read(dir);
    assertEquals(3, state.finished().size());
    assertEquals(2, state.problems().size(), state.problems().toString());
    assertTrue(state.problems().get(0).contains("line " + (start2 + 1)), state.problems().toString());
    assertTrue(state.problems().get(1).contains("trial 2"), state.problems().toString());
  }

  @Test
  void resumeRerunsAbandonedTrialsWithTheirNumbersAndParametersAndReachesExactlyTheBudget() {
    Trial abandoned;
    List<Trial> completed;
    try (Study study = journaled(null, 10)) {
      Trial a = study.ask();
      Trial b = study.ask();
      abandoned = study.ask();
      study.tell(a, StudyTest.bowl(a.parameters()));
      study.tell(b, StudyTest.bowl(b.parameters()));
      completed = study.snapshot().trials().subList(0, 2);
      // the process "dies" here with trial 2 running
    }
    io.hypermax.core.storage.StoredStudy state = Journal.read(dir);
    assertEquals(2, state.finished().size());
    assertEquals(List.of(2), state.abandoned().stream().map(Trial::number).toList());

    try (Study resumed = journaled(state, 10)) {
      Trial rerun = resumed.ask();
      assertEquals(2, rerun.number());
      assertEquals(abandoned.assignment(), rerun.assignment());
      resumed.tell(rerun, 1.0);
      resumed.run(new FunctionExecutor(StudyTest::bowl), 1, null);
      List<Trial> trials = resumed.snapshot().trials();
      assertEquals(IntStream.range(0, 10).boxed().toList(), trials.stream().map(Trial::number).toList());
      assertEquals(completed.get(0).assignment(), trials.get(0).assignment());
      assertEquals(completed.get(1).loss(), trials.get(1).loss());
    }
    assertEquals(10, Journal.read(dir).finished().size());
  }

  @Test
  void aResumedStudyContinuesTheSequenceOfAnUninterruptedOne(@TempDir Path other) {
    List<Map<String, Object>> uninterrupted;
    try (Study study = Study.builder(StudyTest.SPACE, new PriorSampler()).seed(11).iterations(12).build()) {
      study.run(new FunctionExecutor(StudyTest::bowl), 1, null);
      uninterrupted = study.snapshot().trials().stream().map(t -> t.assignment().values()).toList();
    }
    try (Study first = journaled(null, 5)) {
      first.run(new FunctionExecutor(StudyTest::bowl), 1, null);
    }
    try (Study rest = journaled(Journal.read(dir), 12)) {
      rest.run(new FunctionExecutor(StudyTest::bowl), 1, null);
      assertEquals(uninterrupted, rest.snapshot().trials().stream().map(t -> t.assignment().values()).toList());
    }
  }
}
