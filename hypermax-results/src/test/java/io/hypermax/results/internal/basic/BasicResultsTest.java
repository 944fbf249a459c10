package io.hypermax.results.internal.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.plugin.PluginKind;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicResultsTest {
  @TempDir Path dir;

  static final SearchSpace SPACE =
      SpaceParser.parse(
          ConfigLoader.parseTree(
              "s.yaml",
              """
              type: object
              properties:
                lr: {type: number, min: 0.001, max: 1, scaling: logarithmic}
                model:
                  anyOf:
                    - {type: object, properties: {depth: {type: integer, min: 1, max: 4}}}
                    - {type: object, properties: {kernel: {type: string, enum: [rbf, linear]}}}
              """));

  /** Four trials: complete with metadata, failed with a messy error, complete (best), running. */
  static StudySnapshot study(Direction direction) {
    Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(5).iterations(10).direction(direction).build();
    Trial a = study.ask();
    Trial b = study.ask();
    Trial c = study.ask();
    study.ask();
    study.tell(a, Map.of("loss", 0.7, "accuracy", 0.81, "notes", "first, \"quoted\""));
    study.tell(b, TrialResult.failed("ValueError: bad\nshape, (3, 4)", 0.1).withLog("logs/trial_1.txt"));
    study.tell(c, Map.of("loss", 0.2, "time", 4.0, "accuracy", 0.9));
    return study.snapshot();
  }

  @Test
  void bothGeneratorsAreFoundByServiceLoader() {
    List<String> ids = Plugins.load().ids(PluginKind.RESULT_GENERATOR);
    assertTrue(ids.containsAll(List.of("results_csv", "best_json")), ids.toString());
  }

  @Test
  void resultsCsvHasOneRowPerFinishedTrialWithParametersMetadataAndQuoting() throws Exception {
    StudySnapshot snap = study(Direction.MINIMIZE);
    generate("results_csv", snap);
    String csv = Files.readString(dir.resolve("results.csv"));
    List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).split(","));
    assertEquals(List.of("trial", "status", "loss", "time", "log", "error", "lr", "model", "model.0.depth", "model.1.kernel"), header.subList(0, 10));
    assertTrue(header.containsAll(List.of("accuracy", "notes", "peak_rss_mib", "cpu_seconds", "wall_seconds")));
    assertTrue(csv.contains("\"first, \"\"quoted\"\"\""), "commas and quotes are escaped: " + csv);
    assertTrue(csv.contains("\"ValueError: bad\nshape, (3, 4)\""), "multi-line errors stay in one quoted cell");
    assertTrue(csv.contains(",FAILED,"));
    assertTrue(csv.contains("logs/trial_1.txt"));
    assertEquals(3, csv.lines().filter(l -> l.matches("^\\d+,(COMPLETE|FAILED),.*")).count(), "the running trial is not written");
    Trial c = snap.trials().get(2);
    String rowC = csv.lines().filter(l -> l.startsWith("2,")).findFirst().orElseThrow();
    assertTrue(rowC.contains("," + c.flatParameters().get("lr") + ","), rowC);
    assertTrue(rowC.contains(",4.0,"), "the function's own time: " + rowC);
  }

  @Test
  void metadataNamedLikeAColumnGetsAPrefixNotADuplicateHeader() throws Exception {
    Study study = Study.builder(SPACE, r -> r.space().sample(r.random())).seed(5).iterations(2).build();
    study.tell(study.ask(), Map.of("loss", 0.5, "error", 0.12, "lr", 3, "trial", 9));
    generate("results_csv", study.snapshot());
    String header = Files.readAllLines(dir.resolve("results.csv")).get(0);
    List<String> columns = List.of(header.split(","));
    assertEquals(columns.size(), new java.util.HashSet<>(columns).size(), "no duplicate column: " + header);
    assertTrue(columns.containsAll(List.of("metadata.error", "metadata.lr", "metadata.trial")), header);
  }

  @Test
  void bestJsonHoldsTheBestTrialAsTheFunctionReceivedIt() throws Exception {
    StudySnapshot snap = study(Direction.MINIMIZE);
    generate("best_json", snap);
    JsonNode best = JsonValues.MAPPER.readTree(dir.resolve("best.json").toFile());
    assertEquals(2, best.get("trial").asInt());
    assertEquals(0.2, best.get("loss").asDouble());
    assertEquals(4.0, best.get("time").asDouble());
    assertEquals(0.9, best.at("/metadata/accuracy").asDouble());
    assertTrue(best.at("/parameters/model").has("$index"), "nested as the function saw it: " + best);
    assertFalse(best.at("/parameters").has("model.0.depth"));
  }

  @Test
  void maximizingPicksTheLargestLoss() throws Exception {
    generate("best_json", study(Direction.MAXIMIZE));
    assertEquals(0, JsonValues.MAPPER.readTree(dir.resolve("best.json").toFile()).get("trial").asInt());
  }

  private void generate(String id, StudySnapshot snap) throws Exception {
    ResultGeneratorProvider p =
        Plugins.load().resultGenerators().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    ConfigNode results = new ConfigNode(null, "results", JsonValues.MAPPER.createObjectNode());
    p.create(new ResultGeneratorProvider.Context(results, dir, new ConfigNode(null, "", JsonValues.MAPPER.createObjectNode()))).generate(snap);
  }
}
