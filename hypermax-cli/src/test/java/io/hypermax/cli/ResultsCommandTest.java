package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {
  @TempDir Path dir;

  private static final String CONFIG =
      "{\"hyperparameters\":{\"type\":\"object\",\"properties\":{"
          + "\"x\":{\"type\":\"number\",\"min\":0,\"max\":10},"
          + "\"act\":{\"type\":\"string\",\"enum\":[\"relu\",\"tanh\"]}}},"
          + "\"function\":{\"type\":\"java_function\",\"class\":\"Nope\",\"method\":\"f\"},"
          + "\"results\":{\"graphs\":GRAPHS}}";

  private void journal(int trials) {
    try (Journal j = Journal.open(dir)) {
      j.recordStudy(7);
      for (int i = 0; i < trials; i++) {
        Instant t0 = Instant.ofEpochSecond(1_700_000_000L + i);
        Trial t = Trial.running(i, new Assignment(Map.of("x", i * 1.5, "act", i % 2 == 0 ? "relu" : "tanh")), Map.of(), t0);
        j.recordTrialStart(t);
        j.recordTrialEnd(t.finish(TrialResult.complete((i - 3) * (i - 3), 0.5, Map.of()), t0.plusSeconds(1)));
      }
    }
  }

  @Test
  void regeneratesTheResultFilesFromTheJournal() throws Exception {
    Files.writeString(dir.resolve("search.json"), CONFIG.replace("GRAPHS", "false"));
    journal(7);
    assertEquals(0, Main.run("results", dir.toString()));
    List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(8, csv.size(), "header and 7 trials");
    assertTrue(Files.readString(dir.resolve("best.json")).contains("\"trial\" : 3"));
    assertTrue(Files.isRegularFile(dir.resolve("report.html")));
    assertTrue(Files.notExists(dir.resolve("x")), "results.graphs: false is honoured");

    assertEquals(0, Main.run("results", "--graphs", dir.toString()));
    assertTrue(Files.isRegularFile(dir.resolve("x/slice_x.png")), "--graphs forces the charts (results.charts: summary by default)");
    assertTrue(Files.isRegularFile(dir.resolve("act/slice_act.png")));
    assertTrue(Files.isRegularFile(dir.resolve("correlations.csv")));
  }

  @Test
  void aDirectoryWithoutJournalIsAUsageError() {
    assertEquals(ErrorHandler.CONFIG_ERROR, Main.run("results", dir.toString()));
  }
}
