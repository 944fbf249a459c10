package io.hypermax.core.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.run.StudyDirectory;
import io.hypermax.core.internal.run.StudyFactory;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.PriorSampler;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.hypermax.core.internal.guidance.GuidanceCsv;

/** Guidance is journaled, survives resume, reaches a running study through the inbox once, and is checked against the space. */
class GuidanceJournalTest {
  static final SearchSpace SPACE =
      SearchSpace.builder()
          .number("lr", 1e-4, 1, n -> n.log())
          .integer("layers", 1, 8)
          .choice("act", "relu", "tanh")
          .build();

  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();

  Study open(Path dir, boolean resume) {
    StudyDirectory d =
        resume
            ? StudyDirectory.resume(dir, FsyncPolicy.GROUP, warnings::add)
            : StudyDirectory.createExact(dir, FsyncPolicy.GROUP, warnings::add);
    return StudyFactory.forSpace(SPACE).optimizer(s -> new PriorSampler()).seed(5L).iterations(100).directory(d).warnings(warnings::add).build();
  }

  static void runOne(Study s) {
    Trial t = s.ask();
    s.tell(t, 1.0);
  }

  @Test
  void guidanceSurvivesResumeAndIsWrittenToGuidanceCsv() throws Exception {
    Path dir = tmp.resolve("r");
    try (Study s = open(dir, false)) {
      runOne(s);
      GuidanceEvent applied = s.guide(GuidanceEvent.lock("layers", 3.0, "test"));
      assertEquals(3, applied.value(), "an integer's lock is typed as an integer");
      s.guide(GuidanceEvent.narrow("lr", 0.001, 0.01, "test"));
      runOne(s);
    }
    assertTrue(Files.readString(dir.resolve(Journal.FILE_NAME)).contains("\"event\":\"guidance\""));
    String csv = Files.readString(dir.resolve(GuidanceCsv.FILE_NAME));
    assertTrue(csv.startsWith("at,source,action,parameter,value,min,max\n"), csv);
    assertTrue(csv.contains(",test,lock,layers,3,,\n") && csv.contains(",test,narrow,lr,,0.001,0.01\n"), csv);
    try (Study s = open(dir, true)) {
      assertEquals(3, s.guidance().locks().get("layers"));
      assertEquals(2, s.guidance().history().size());
      for (int i = 0; i < 20; i++) {
        Trial t = s.ask();
        assertEquals(3, t.parameters().get("layers"));
        double lr = (Double) t.parameters().get("lr");
        assertTrue(lr >= 0.001 && lr <= 0.01, "narrowed: " + lr);
        s.tell(t, 1.0);
      }
    }
  }

  @Test
  void anotherProcessReachesTheRunningStudyThroughTheInboxOnce() throws Exception {
    Path dir = tmp.resolve("r");
    GuidanceEvent lock = GuidanceEvent.lock("act", "tanh", "cli");
    try (Study s = open(dir, false)) {
      runOne(s);
      GuidanceInbox.send(dir, List.of(lock));
      s.pollGuidance(true);
      assertEquals("tanh", s.guidance().locks().get("act"));
      for (int i = 0; i < 10; i++) {
        Trial t = s.ask();
        assertEquals("tanh", t.parameters().get("act"));
        s.tell(t, 1.0);
      }
    }
    // A line appended while no search runs is applied by the next resume; the one applied before is not applied twice.
    GuidanceInbox.send(dir, List.of(GuidanceEvent.unlock("act", "cli")));
    try (Study s = open(dir, true)) {
      assertEquals("tanh", s.guidance().locks().get("act"), "restored from the journal");
      runOne(s); // the first suggestion reads the inbox
      assertTrue(s.guidance().locks().isEmpty(), "the unlock from the inbox is in force");
      assertEquals(2, s.guidance().history().size(), "each inbox line applied once: " + s.guidance().history());
    }
    StoredStudy stored = Journal.read(dir);
    assertEquals(2, stored.customEvents().stream().filter(GuidanceEvent::isGuidance).count());
    assertTrue(stored.problems().isEmpty(), stored.problems().toString());
  }

  @Test
  void guidanceForAStoppedSearchKeepsTheOrderOfInboxLinesItNeverPickedUp() throws Exception {
    Path dir = tmp.resolve("r");
    try (Study s = open(dir, false)) {
      runOne(s);
    }
    // Sent to a search that stopped before reading it, then an unlock given to the stopped search.
    GuidanceInbox.send(dir, List.of(GuidanceEvent.lock("act", "tanh", "cli")));
    assertEquals(io.hypermax.core.internal.run.GuidanceDelivery.Route.JOURNAL,
        io.hypermax.core.internal.run.GuidanceDelivery.deliver(dir, List.of(GuidanceEvent.unlock("act", "cli"))));
    List<String> actions = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode n : Journal.read(dir).customEvents()) {
      if (GuidanceEvent.isGuidance(n)) {
        actions.add(GuidanceEvent.fromJson(n).describe());
      }
    }
    assertEquals(2, actions.size(), actions.toString());
    assertTrue(actions.get(0).startsWith("lock") && actions.get(1).startsWith("unlock"), "in the order given: " + actions);
    try (Study s = open(dir, true)) {
      runOne(s); // reads the inbox too: its line is already journaled and not applied again
      assertTrue(s.guidance().locks().isEmpty(), "the last word, the unlock, is in force: " + s.guidance().history());
      assertEquals(2, s.guidance().history().size(), s.guidance().history().toString());
    }
  }

  @Test
  void guidanceThatDoesNotFitTheSpaceIsRefusedWithOneLine() {
    try (Study s = open(tmp.resolve("r"), false)) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> s.guide(GuidanceEvent.lock("depth", 3, "t")))
          .getMessage().startsWith("no parameter 'depth' in the search space (parameters: lr, layers, act)"));
      String outOfRange = assertThrows(IllegalArgumentException.class, () -> s.guide(GuidanceEvent.lock("lr", 5.0, "t"))).getMessage();
      assertTrue(outOfRange.startsWith("cannot lock lr to 5.0: not a value of number[") && outOfRange.endsWith("logarithmic"), outOfRange);
      assertTrue(assertThrows(IllegalArgumentException.class, () -> s.guide(GuidanceEvent.narrow("act", 0, 1, "t")))
          .getMessage().startsWith("cannot narrow act: only numbers have a range"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> s.guide(GuidanceEvent.narrow("lr", 0.5, 2, "t")))
          .getMessage().contains("it must stay within its range"));
      assertTrue(s.guidance().history().isEmpty(), "nothing refused was applied");
    }
  }

  @Test
  void journalsWithoutGuidanceReadAsBeforeAndANewerGuidanceFormatIsNamed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("old"));
    Files.writeString(dir.resolve(Journal.FILE_NAME), String.join("\n",
        "{\"event\":\"study\",\"version\":1,\"seed\":42,\"created\":\"2026-01-01T00:00:00Z\"}",
        "{\"event\":\"start\",\"trial\":0,\"params\":{\"lr\":0.1,\"layers\":2,\"act\":\"relu\"},\"start\":\"2026-01-01T00:00:00Z\"}",
        "{\"event\":\"end\",\"trial\":0,\"status\":\"COMPLETE\",\"loss\":0.5,\"time\":1,\"end\":\"2026-01-01T00:00:01Z\"}",
        "{\"event\":\"guidance\",\"v\":9,\"id\":\"x\",\"at\":\"2026-01-01T00:00:02Z\",\"action\":\"lock\",\"param\":\"lr\",\"value\":0.1}",
        "{\"event\":\"intermediate\",\"trial\":0,\"step\":1,\"value\":0.5}",
        ""));
    StoredStudy stored = Journal.read(dir);
    assertEquals(1, stored.finished().size());
    assertEquals(1, stored.problems().size());
    assertTrue(stored.problems().get(0).contains("line 4 is a damaged guidance record: a guidance record of format 9"), stored.problems().get(0));
  }

  @Test
  void typedTextBecomesTheParametersValue() {
    assertEquals(3, Guidance.parseValue(SPACE.get("layers"), "3"));
    assertEquals(0.01, Guidance.parseValue(SPACE.get("lr"), "0.01"));
    assertEquals("tanh", Guidance.parseValue(SPACE.get("act"), "tanh"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Guidance.parseValue(SPACE.get("act"), "gelu"))
        .getMessage().contains("it is one of [relu, tanh]"));
  }

  @Test
  void anIntegerIsNotSilentlyTruncated() {
    Object v = Guidance.parseValue(SPACE.get("layers"), "3.5");
    assertEquals(3.5, v);
    assertThrows(IllegalArgumentException.class, () -> Guidance.validate(GuidanceEvent.lock("layers", v, "test"), SPACE));
  }

  @Test
  void theSameGuidanceHandsOptimizersTheSameSpaceObject() {
    Guidance g = new Guidance();
    assertTrue(g.constrain(SPACE) == SPACE, "no guidance: the space itself");
    g.apply(GuidanceEvent.lock("layers", 3, "test"));
    SearchSpace first = g.constrain(SPACE);
    // Optimizers cache by space identity (TPE's table, GP's cube): one object while the guidance holds.
    assertTrue(first == g.constrain(SPACE));
    g.apply(GuidanceEvent.unlock("layers", "test"));
    g.apply(GuidanceEvent.lock("act", "tanh", "test"));
    SearchSpace second = g.constrain(SPACE);
    assertTrue(second != first, "new guidance: a new space");
    assertEquals(3, first.get("layers").distribution().sample(new java.util.SplittableRandom(1)));
    assertEquals("tanh", second.get("act").distribution().sample(new java.util.SplittableRandom(1)));
  }
}
