package io.hypermax.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.objective.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metrics section: what it builds, and a one-line error naming the path for each mistake. */
class ObjectiveConfigTest {
  @TempDir Path dir;

  private static final String HEAD =
      "hyperparameters: {type: object, properties: {x: {type: number, min: 0, max: 1}}}\n"
          + "function: {type: java_function, class: a.B}\n";

  private HypermaxConfig load(String text) throws IOException {
    Path file = dir.resolve("search.yaml");
    Files.writeString(file, HEAD + text);
    return ConfigLoader.load(file);
  }

  @Test
  void withoutMetricsTheLossIsTheObjective() throws IOException {
    assertTrue(load("").objective().isDefault());
  }

  @Test
  void theDocumentedExampleParses() throws IOException {
    HypermaxConfig c = load("""
        metrics:
          accuracy: {direction: maximize, weight: 2, transform: {type: asymptote, min: 0.5, max: 1, target: 0.95}}
          time: {type: time, target_time: 5, max_time: 10, penalty_at_max: 0.1}
          ram: {type: ram, target_ram: 500, max_ram: 2000, penalty_at_max: 0.2, weight: 0.5}
          cpu: {type: cpu, target_cpu: 10, max_cpu: 60, penalty_at_max: 0.1}
        search: {objectives: pareto}
        """);
    Objective o = c.objective();
    assertTrue(o.isPareto());
    assertEquals(4, o.metrics().size());
    Metric acc = o.metrics().get(0);
    assertEquals(Direction.MAXIMIZE, acc.direction());
    assertEquals(2.0, acc.weight());
    assertEquals(new Transform.Asymptote(0.5, 1, 0.95), acc.transform());
    assertEquals(new Penalty(5, 10, 0.1), o.metrics().get(1).penalty());
    assertEquals(MetricType.RAM, o.metrics().get(2).type());
    assertEquals(0.5, o.metrics().get(2).weight());
    assertEquals(new Penalty(10, 60, 0.1), o.metrics().get(3).penalty());
    assertFalse(load("metrics: {loss: {}}\n").objective().isPareto());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metrics: {t: {type: speed}}                                             | metrics.t.type | unknown metric type 'speed'",
        "metrics: {t: {type: time, target_time: 10, max_time: 5, penalty_at_max: 1}} | metrics.t.target_time | must be below max_time",
        "metrics: {t: {type: time, target_time: 5, max_time: 5, penalty_at_max: 1}}  | metrics.t.target_time | must be below max_time",
        "metrics: {t: {type: time, max_time: 5, penalty_at_max: 1}}              | metrics.t | missing 'target_time'",
        "metrics: {t: {type: time, target_time: 1, max_time: 5, penalty_at_max: 1, target_ram: 3}} | metrics.t.target_ram | unknown key",
        "metrics: {a: {weight: -1}}                                              | metrics.a.weight | must be a finite number >= 0",
        "metrics: {a: {direction: up}}                                           | metrics.a.direction | 'minimize' or 'maximize'",
        "metrics: {a: {transform: {type: asymptote, min: 0, max: 1, target: 2}}} | metrics.a.transform.target | strictly between min and max",
        "metrics: {a: {transform: cube}}                                         | metrics.a.transform | unknown transform 'cube'",
        "metrics: {a: {}}\\nsearch: {objectives: pareto}                          | search.objectives | at least two metrics, found 1",
        "search: {objectives: pareto}                                            | search.objectives | needs a metrics section",
        "search: {objectives: many}                                              | search.objectives | 'weighted'",
        "metrics: {a: {}}\\nsearch: {direction: maximize}                         | search.direction | give each metric its own direction",
        "metrics: {}                                                             | metrics | at least one metric",
      })
  void badMetricsNameTheirPathInOneLine(String text, String path, String problem) throws IOException {
    ConfigException e = assertThrows(ConfigException.class, () -> load(text.replace("\\n", "\n") + "\n"));
    assertEquals(path, e.path());
    assertTrue(e.problem().contains(problem), "problem: " + e.problem());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(dir.resolve("search.yaml") + ": " + path + ": "), e.getMessage());
  }
}
