package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python objective returning {"accuracy", "time"}: accuracy maximised, a time penalty. Every
 * metric, the penalty and the combined loss reach results.csv, best.json and the journal, and the
 * combined loss is what the study (and so the optimizer) records as the trial's loss.
 */
class MetricsEndToEndTest {
  @TempDir Path dir;

  @Test
  void accuracyAndTimePenaltyBecomeOneLossVisibleEverywhere() throws Exception {
    // time = 4 + 8x seconds (returned, not slept); accuracy peaks at x = 0.7.
    Files.writeString(dir.resolve("model.py"), """
        def train(p):
            x = p['x']
            return {'accuracy': 1 - (x - 0.7) ** 2, 'time': 4 + 8 * x}
        """);
    Files.writeString(dir.resolve("search.yaml"), """
        hyperparameters:
          type: object
          properties:
            x: {type: number, min: 0, max: 1}
        function: {type: python_function, module: model, name: train, python: %s}
        metrics:
          accuracy: {direction: maximize}
          time: {type: time, target_time: 5, max_time: 10, penalty_at_max: 0.1}
        search: {method: tpe, iterations: 12, seed: 5}
        results: {directory: %s}
        """.formatted(python(), dir.resolve("results").toString().replace("\\", "/")));
    Cli cli = Cli.run("--no-ui", dir.resolve("search.yaml").toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("(objective.accuracy -"), "the progress lines show the terms: " + cli.out());
    assertTrue(cli.out().contains("penalty.time "), cli.out());
    Path results = dir.resolve("results_0");

    List<String> lines = Files.readAllLines(results.resolve("results.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    for (String column : List.of("loss", "time", "accuracy", "objective.accuracy", "penalty.time")) {
      assertTrue(header.contains(column), column + " in " + header);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), cells[i]);
      }
      rows.add(row);
    }
    assertEquals(12, rows.size());
    int penalised = 0;
    for (Map<String, String> row : rows) {
      assertEquals("COMPLETE", row.get("status"), row.toString());
      double accuracy = Double.parseDouble(row.get("accuracy"));
      double time = Double.parseDouble(row.get("time"));
      double penalty = time <= 5 ? 0 : (time - 5) * (time - 5) / 25 * 0.1;
      assertEquals(penalty, Double.parseDouble(row.get("penalty.time")), 1e-12, row.toString());
      assertEquals(-accuracy, Double.parseDouble(row.get("objective.accuracy")), 1e-12);
      assertEquals(-accuracy + penalty, Double.parseDouble(row.get("loss")), 1e-12, row.toString());
      penalised += penalty > 0 ? 1 : 0;
    }
    assertTrue(penalised > 0, "some trials ran past the target time");

    // The journal (what a resume and the optimizer's history are rebuilt from) holds the combined loss.
    Map<Integer, Double> journalLoss = new HashMap<>();
    for (String line : Files.readAllLines(results.resolve("journal.jsonl"))) {
      JsonNode n = JsonValues.MAPPER.readTree(line);
      if (n.path("event").asText().equals("end")) {
        journalLoss.put(n.get("trial").asInt(), n.get("loss").asDouble());
      }
    }
    for (Map<String, String> row : rows) {
      assertEquals(Double.parseDouble(row.get("loss")), journalLoss.get(Integer.parseInt(row.get("trial"))), 1e-12);
    }

    JsonNode best = JsonValues.MAPPER.readTree(results.resolve("best.json").toFile());
    double bestLoss = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("loss"))).min().orElseThrow();
    assertEquals(bestLoss, best.get("loss").asDouble(), 1e-12);
    assertTrue(best.at("/metadata/penalty.time").isNumber(), best.toString());
    assertTrue(best.at("/metadata/accuracy").isNumber(), best.toString());
  }

  @Test
  void aResultMissingANamedMetricIsAFailedTrialNamingIt() throws Exception {
    Files.writeString(dir.resolve("model.py"), "def train(p):\n    return {'acc': 0.5}\n");
    Files.writeString(dir.resolve("search.yaml"), """
        hyperparameters: {type: object, properties: {x: {type: number, min: 0, max: 1}}}
        function: {type: python_function, module: model, name: train, python: %s, max_failures: 2}
        metrics: {accuracy: {direction: maximize}}
        search: {method: random, iterations: 4, seed: 1}
        results: {directory: %s}
        """.formatted(python(), dir.resolve("results").toString().replace("\\", "/")));
    Cli cli = Cli.run("--no-ui", dir.resolve("search.yaml").toString());
    String csv = Files.readString(dir.resolve("results_0/results.csv"));
    assertTrue(csv.contains("FAILED"), csv);
    assertTrue(csv.contains("metric 'accuracy' is missing from the result object"), csv);
    assertTrue(cli.toString().contains("metric 'accuracy'"), cli.toString());
  }

  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }
}
