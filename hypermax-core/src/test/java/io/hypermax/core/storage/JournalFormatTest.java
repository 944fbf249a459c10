package io.hypermax.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal format: journals written by the release before the storage SPI (frozen fixtures made
 * with commit 9c1cace, a CLI search SIGKILLed mid-run and a define-by-run tuner project) still replay
 * and resume, and a journal from a newer format is refused with a clear message.
 */
class JournalFormatTest {
  private static final String FIXTURES = "/fixtures/journal-v1-9c1cace/";
  @TempDir Path dir;

  private Path fixture(String name) throws IOException {
    Path target = dir.resolve(name);
    Files.createDirectories(target);
    for (String f : List.of("journal.jsonl", "search.json")) {
      try (InputStream in = getClass().getResourceAsStream(FIXTURES + name + "/" + f)) {
        if (in != null) {
          Files.copy(in, target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  @Test
  void aFrozenJournalOfTheFormerReleaseStillReplays() throws Exception {
    StoredStudy stored = Journal.read(fixture("search"));
    assertEquals(3L, stored.seed());
    assertEquals(12, stored.finished().size());
    assertEquals(List.of(12, 13), stored.abandoned().stream().map(Trial::number).toList(), "killed while running");
    assertEquals(List.of(), stored.problems());
    for (Trial t : stored.finished()) {
      assertEquals(TrialStatus.COMPLETE, t.status());
      assertEquals(Map.of("epochs", 3), t.result().metadata());
      double x = ((Number) t.assignment().get("x")).doubleValue();
      double y = ((Number) t.assignment().get("y")).doubleValue();
      assertEquals((x - 1) * (x - 1) + (y + 2) * (y + 2), t.loss(), 1e-9, "the loss stays with its parameters");
    }
    assertEquals(14, stored.nextTrialNumber());
    assertEquals(Map.of(), stored.abandonedMetadata(), "starts of the former release carry no optimizer metadata");
  }

  @Test
  void aStartsOptimizerMetadataRoundTripsAndIsLeftOutWhenEmpty() {
    Map<String, Object> meta = new java.util.LinkedHashMap<>();
    meta.put("atpe.action", "tpe-lock");
    meta.put("atpe.gamma", 0.1);
    var start = new JournalEvent.TrialStarted(5, Map.of("x", 0.5), java.time.Instant.parse("2026-12-03T10:00:00Z"), meta);
    String line = JournalCodec.encode(start);
    assertTrue(line.endsWith("\"metadata\":{\"atpe.action\":\"tpe-lock\",\"atpe.gamma\":0.1}}"), line);
    assertEquals(start, JournalCodec.decode(line, "test"));
    var plain = new JournalEvent.TrialStarted(5, Map.of("x", 0.5), java.time.Instant.parse("2026-12-03T10:00:00Z"));
    assertTrue(!JournalCodec.encode(plain).contains("metadata"), "a start without metadata is written as before");
    assertEquals(Map.of(), ((JournalEvent.TrialStarted) JournalCodec.decode(JournalCodec.encode(plain), "test")).metadata());
  }

  @Test
  void onlyAbandonedTrialsKeepTheirStartsMetadataAndTheLastStartWins() {
    List<String> lines = List.of(
        "{\"event\":\"study\",\"version\":2,\"seed\":1}",
        "{\"event\":\"start\",\"trial\":0,\"params\":{},\"start\":\"2026-01-01T00:00:00Z\",\"metadata\":{\"a\":1}}",
        "{\"event\":\"end\",\"trial\":0,\"status\":\"COMPLETE\",\"loss\":0.5,\"time\":1,\"end\":\"2026-01-01T00:00:01Z\"}",
        "{\"event\":\"start\",\"trial\":1,\"params\":{},\"start\":\"2026-01-01T00:00:00Z\",\"metadata\":{\"a\":2}}",
        "{\"event\":\"start\",\"trial\":2,\"params\":{},\"start\":\"2026-01-01T00:00:00Z\",\"metadata\":{\"a\":3}}",
        "{\"event\":\"start\",\"trial\":2,\"params\":{},\"start\":\"2026-01-01T00:01:00Z\"}");
    StoredStudy s = JournalReplay.replayLines(lines, "journal.jsonl");
    assertEquals(List.of(1, 2), s.abandoned().stream().map(Trial::number).toList());
    assertEquals(Map.of(1, Map.of("a", 2)), s.abandonedMetadata());
    assertEquals(Map.of(), s.abandonedMetadata(2));
  }

  @Test
  void aFrozenJournalOfTheFormerReleaseResumesToItsBudget() throws Exception {
    Path search = fixture("search");
    StoredStudy stored = Journal.read(search);
    JsonNode config = io.hypermax.core.config.JsonValues.MAPPER.readTree(search.resolve("search.json").toFile());
    var space = SpaceParser.parse(config.get("hyperparameters"));
    try (Study study =
        Study.builder(space, new io.hypermax.core.study.PriorSampler()).seed(stored.seed()).iterations(20)
            .storage(Journal.open(search)).restore(stored).build()) {
      study.run(new FunctionExecutor(p -> 1.0), 1, null);
    }
    StoredStudy after = Journal.read(search);
    assertEquals(20, after.finished().size());
    assertEquals(List.of(), after.abandoned());
    Trial rerun = after.finished().stream().filter(t -> t.number() == 12).findFirst().orElseThrow();
    assertEquals(stored.abandoned().get(0).assignment().values(), rerun.assignment().values(), "a killed trial reruns with its parameters");
  }

  @Test
  void aFrozenTunerProjectReplaysItsDefinitions() throws Exception {
    StoredStudy stored = Journal.read(fixture("tuner"));
    assertEquals(5L, stored.seed());
    assertEquals(15, stored.finished().size());
    assertEquals("tuner", stored.customEvents().get(0).path("event").asText());
    assertEquals(
        List.of("lr", "layers"),
        stored.customEvents().stream().filter(e -> e.path("event").asText().equals("parameter")).map(e -> e.path("name").asText()).toList());
  }

  @Test
  void aJournalOfANewerFormatIsRefusedNamingBothVersions() throws Exception {
    Files.writeString(dir.resolve(Journal.FILE_NAME), "{\"event\":\"study\",\"version\":3,\"seed\":1}\n");
    JournalVersionException e = assertThrows(JournalVersionException.class, () -> Journal.read(dir));
    assertEquals(3, e.found());
    assertTrue(e.getMessage().contains("newer hypermax") && e.getMessage().contains("version 3")
        && e.getMessage().contains("up to version " + JournalCodec.VERSION), e.getMessage());
    assertTrue(e.getMessage().startsWith(Journal.FILE_NAME + " line 1"), "names the file and line: " + e.getMessage());
  }

  @Test
  void version2AddsPrunedTrialsAndVersion1JournalsStillRead() throws Exception {
    assertEquals(2, JournalCodec.VERSION);
    Files.writeString(dir.resolve(Journal.FILE_NAME), String.join("\n",
        "{\"event\":\"study\",\"version\":1,\"seed\":1,\"created\":\"2026-01-01T00:00:00Z\"}",
        "{\"event\":\"start\",\"trial\":0,\"params\":{\"x\":1},\"start\":\"2026-01-01T00:00:00Z\"}",
        "{\"event\":\"end\",\"trial\":0,\"status\":\"COMPLETE\",\"loss\":0.5,\"time\":1,\"end\":\"2026-01-01T00:00:01Z\"}", ""));
    assertEquals(0.5, Journal.read(dir).finished().get(0).loss(), "a version-1 journal reads as before");
    var pruned = new JournalEvent.TrialEnded(3, io.hypermax.core.trial.TrialResult.pruned(0.25, 7, 2.0), java.time.Instant.EPOCH);
    var back = (JournalEvent.TrialEnded) JournalCodec.decode(JournalCodec.encode(pruned), "line");
    assertEquals(io.hypermax.core.trial.TrialStatus.PRUNED, back.result().status());
    assertEquals(7, back.result().prunedStep());
    assertEquals(0.25, back.result().loss());
  }

  @Test
  void aStartedAgainTrialReportsItsCurveAnew() {
    java.util.List<String> lines = java.util.List.of(
        "{\"event\":\"study\",\"version\":2,\"seed\":1}",
        "{\"event\":\"start\",\"trial\":0,\"params\":{},\"start\":\"2026-01-01T00:00:00Z\"}",
        "{\"event\":\"intermediate\",\"trial\":0,\"step\":1,\"value\":0.9}",
        "{\"event\":\"start\",\"trial\":0,\"params\":{},\"start\":\"2026-01-01T00:01:00Z\"}",
        "{\"event\":\"intermediate\",\"trial\":0,\"step\":1,\"value\":0.8}");
    StoredStudy s = JournalReplay.replayLines(lines, "journal.jsonl");
    assertEquals(java.util.List.of(new StoredStudy.Intermediate(0, 1, 0.8)), s.intermediates());
  }

  @Test
  void aDamagedLineInTheMiddleIsNamedAndSkipped() throws Exception {
    StoredStudy fine = Journal.read(fixture("search"));
    Path file = dir.resolve("search").resolve(Journal.FILE_NAME);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.add(3, "{\"event\":\"end\",\"trial\":\"x\"}");
    Files.write(file, lines);
    StoredStudy stored = Journal.read(dir.resolve("search"));
    assertEquals(fine.finished().size(), stored.finished().size());
    assertEquals(1, stored.problems().size());
    assertTrue(stored.problems().get(0).contains("line 4"), stored.problems().toString());
  }

  @Test
  void encodingIsStrictJsonAndDecodesToTheSameEvent() {
    var event = new JournalEvent.IntermediateValue(3, 7, Double.NEGATIVE_INFINITY);
    String line = JournalCodec.encode(event);
    assertEquals("{\"event\":\"intermediate\",\"trial\":3,\"step\":7,\"value\":\"-Infinity\"}", line);
    assertEquals(event, JournalCodec.decode(line, "test"));
  }

  @Test
  void aParetoTrialsObjectiveVectorRoundTripsInOrder() {
    Map<String, Double> objectives = new java.util.LinkedHashMap<>();
    objectives.put("f2", 0.75);
    objectives.put("f1", -0.25);
    objectives.put("worst", Double.POSITIVE_INFINITY);
    var result = new io.hypermax.core.trial.TrialResult(
        TrialStatus.COMPLETE, 0.5, 1.25, Map.of("objective.f1", -0.25), null, null,
        io.hypermax.core.trial.ResourceUsage.UNKNOWN, objectives);
    var event = new JournalEvent.TrialEnded(4, result, java.time.Instant.parse("2026-12-02T10:00:00Z"));
    String line = JournalCodec.encode(event);
    assertTrue(line.contains("\"objectives\":{\"f2\":0.75,\"f1\":-0.25,\"worst\":\"Infinity\"}"), line);
    var decoded = (JournalEvent.TrialEnded) JournalCodec.decode(line, "test");
    assertEquals(List.copyOf(objectives.keySet()), List.copyOf(decoded.result().objectives().keySet()), "metric order kept");
    assertEquals(objectives, decoded.result().objectives());
    assertEquals(0.5, decoded.result().loss());
    assertEquals(Map.of("objective.f1", -0.25), decoded.result().metadata());
  }

  @Test
  void anEndRecordWithoutObjectivesDecodesToAnEmptyVectorAndWritesNone() {
    String old = "{\"event\":\"end\",\"trial\":0,\"status\":\"COMPLETE\",\"loss\":0.5,\"time\":1.0,"
        + "\"usage\":{},\"end\":\"2026-12-02T10:00:00Z\"}";
    var decoded = (JournalEvent.TrialEnded) JournalCodec.decode(old, "test");
    assertEquals(Map.of(), decoded.result().objectives());
    assertTrue(!decoded.result().hasObjectives());
    assertTrue(!JournalCodec.encode(decoded).contains("objectives"), "single-objective records are unchanged");
  }
}
