package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.objective.ParetoFront;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Pareto study on ZDT1 from a config: pareto.csv, the front chart, best.json's front, and a resume keeps the vectors. */
class ParetoSearchTest {
  @TempDir Path dir;

  @Test
  void aParetoStudyOnZdt1WritesTheFrontEverywhere() throws Exception {
    StringBuilder params = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      params.append("    x").append(i).append(": {type: number, min: 0, max: 1}\n");
    }
    Files.writeString(dir.resolve("search.yaml"), """
        hyperparameters:
          type: object
          properties:
        %s
        function: {type: java_function, class: io.hypermax.cli.Objectives, method: zdt1}
        metrics:
          f1: {}
          f2: {}
        search: {method: tpe, iterations: 60, seed: 2, objectives: pareto}
        results: {directory: %s}
        """.formatted(params, dir.resolve("results").toString().replace("\\", "/")));
    Cli cli = Cli.run("--no-ui", dir.resolve("search.yaml").toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    Path results = dir.resolve("results_0");
    List<Trial> trials = Journal.read(results).finished();
    assertEquals(60, trials.size());
    List<Trial> front = ParetoFront.front(trials);
    List<String> csv = Files.readAllLines(results.resolve("pareto.csv"));
    assertTrue(csv.get(0).startsWith("trial,f1,f2,loss,time,x1,"), csv.get(0));
    assertEquals(front.size(), csv.size() - 1);
    assertTrue(Files.size(results.resolve("pareto.png")) > 1000);
    JsonNode best = JsonValues.MAPPER.readTree(results.resolve("best.json").toFile());
    assertEquals(front.size(), best.get("pareto_front").size());
    assertTrue(Files.readString(results.resolve("report.html")).contains("<h2>Pareto front</h2>"));
    String header = Files.readAllLines(results.resolve("results.csv")).get(0);
    assertTrue(header.contains("objective.f1") && header.contains("objective.f2"), header);
  }
}
