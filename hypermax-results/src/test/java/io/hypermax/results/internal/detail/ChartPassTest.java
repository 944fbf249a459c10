package io.hypermax.results.internal.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.TestStudies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartPassTest {
  @TempDir Path dir;

  @Test
  void writesEveryExpectedFileForAThreeParameterStudy() throws Exception {
    StudySnapshot snap =
        TestStudies.sampled(
            TestStudies.threeNumericOneCategorical(), 60, 3, TestStudies::bowl, p -> 1 + ((Number) p.get("layers")).doubleValue() + ((Number) p.get("x")).doubleValue(),
            Direction.MINIMIZE);
    Notes notes = ChartPass.run(snap, dir, 2, ChartSet.ALL);
    assertEquals(List.of(), notes.lines());
    List<String> numeric = List.of("x", "lr", "layers");
    for (String p : numeric) {
      for (String f :
          List.of(
              "loss_chart_P.png", "losses_P.csv", "loss_chart_top_10_percent_P.png", "losses_top_10_percent_P.csv",
              "time_chart_P.png", "times_P.csv", "time_chart_top_10_percent_P.png", "times_top_10_percent_P.csv",
              "time_chart_bucketed_P.png", "times_bucketed_P.csv")) {
        assertFile(dir.resolve(p).resolve(f.replace("P", p)));
      }
      for (String red : List.of("min", "mean", "median")) {
        assertFile(dir.resolve(p).resolve("loss_chart_" + red + "_bucketed_" + p + ".png"));
        assertFile(dir.resolve(p).resolve("losses_" + red + "_bucketed_" + p + ".csv"));
        assertFile(dir.resolve(p).resolve("loss_chart_top_10_percent_" + red + "_bucketed_" + p + ".png"));
        assertFile(dir.resolve(p).resolve("losses_top_10_percent_" + red + "_bucketed_" + p + ".csv"));
      }
      for (String q : numeric) {
        if (numeric.indexOf(q) <= numeric.indexOf(p)) {
          // one chart per unordered pair: the folder of the pair in the other order does not exist
          if (!q.equals(p)) {
            assertTrue(Files.notExists(dir.resolve(p).resolve(q)), p + "/" + q + " drawn twice");
          }
          continue;
        }
        Path pair = dir.resolve(p).resolve(q);
        String s = p + "_" + q;
        for (String red : List.of("min", "mean", "median")) {
          for (String kind : List.of("loss_matrix_", "response_matrix_", "loss_matrix_top_10_percent_", "response_matrix_top_10_percent_")) {
            assertFile(pair.resolve(kind + red + "_" + s + ".png"));
            assertFile(pair.resolve(kind + red + "_" + s + ".csv"));
          }
        }
        for (String f : List.of("scatter_", "scatter_top_10_percent_", "time_matrix_")) {
          assertFile(pair.resolve(f + s + ".png"));
          assertFile(pair.resolve(f + s + ".csv"));
        }
      }
    }
    for (String f : List.of("loss_box_act.png", "loss_box_act.csv", "loss_strip_act.png", "loss_strip_act.csv")) {
      assertFile(dir.resolve("act").resolve(f));
    }
    for (String f : List.of("optimization_history.png", "optimization_history.csv", "importance.png", "importance.csv", "notes.txt",
        "edf.png", "edf.csv", "parallel_coordinates.png", "parallel_coordinates.csv", "timeline.png", "timeline.csv",
        "x/slice_x.png", "lr/slice_lr.csv", "layers/slice_layers.png", "act/slice_act.png")) {
      assertFile(dir.resolve(f));
    }
    try (var files = Files.walk(dir)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
    }
  }

  private static void assertFile(Path f) throws Exception {
    assertTrue(Files.isRegularFile(f), "missing " + f);
    assertTrue(Files.size(f) > 0, "empty " + f);
  }
}
