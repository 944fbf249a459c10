package io.hypermax.results.internal.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.objective.ParetoFront;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.TestStudies;
import io.hypermax.results.internal.basic.BestJsonProvider;
import io.hypermax.results.internal.detail.ReportProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pareto.csv, the front chart(s), best.json's front and the report's section for a multi-objective study. */
class ParetoResultsTest {
  @TempDir Path dir;

  static final SearchSpace SPACE = new SearchSpace(List.of(
      Parameter.of("a", NumberDistribution.uniform(0, 1)), Parameter.of("b", NumberDistribution.uniform(0, 1))));

  /** ZDT1-like vectors over (a, b), with names; trial 3 FAILED (no vector). */
  static StudySnapshot study(int n, List<String> names) {
    Random rng = new Random(11);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = Map.of("a", rng.nextDouble(), "b", rng.nextDouble());
      Assignment a = new Assignment(p);
      double f1 = (double) p.get("a");
      double g = 1 + 9 * (double) p.get("b");
      double f2 = g * (1 - Math.sqrt(f1 / g));
      Map<String, Double> vector = new LinkedHashMap<>();
      vector.put(names.get(0), f1);
      vector.put(names.get(1), f2);
      if (names.size() > 2) {
        vector.put(names.get(2), (double) p.get("b"));
      }
      Instant t0 = Instant.ofEpochSecond(1_700_000_000L + i);
      TrialResult r = i == 3
          ? TrialResult.failed("boom", 1)
          : new TrialResult(TrialStatus.COMPLETE, f1 + f2, 1, Map.of("objective." + names.get(0), f1), null, null,
              ResourceUsage.UNKNOWN, vector);
      trials.add(Trial.running(i, a, SPACE.nest(a), t0).finish(r, t0.plusSeconds(1)));
    }
    return new StudySnapshot(SPACE, trials, Direction.MINIMIZE, n, 1);
  }

  private ResultGeneratorProvider.Context context() {
    return new ResultGeneratorProvider.Context(new ConfigNode("test", "results", JsonValues.MAPPER.createObjectNode()), dir, null);
  }

  @Test
  void paretoCsvListsExactlyTheNonDominatedTrials() throws Exception {
    StudySnapshot snap = study(60, List.of("f1", "f2"));
    new ParetoCsvProvider().create(context()).generate(snap);
    List<String> lines = Files.readAllLines(dir.resolve("pareto.csv"));
    assertEquals("trial,f1,f2,loss,time,a,b", lines.get(0));
    List<Integer> listed = lines.stream().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).sorted().toList();
    // Brute force: a complete trial is on the front when no other complete trial dominates it.
    List<Integer> expected = new ArrayList<>();
    for (Trial t : snap.complete()) {
      boolean dominated = snap.complete().stream().anyMatch(o -> ParetoFront.dominates(ParetoFront.vector(o), ParetoFront.vector(t)));
      if (!dominated) {
        expected.add(t.number());
      }
    }
    assertEquals(expected, listed);
    assertTrue(expected.size() >= 3 && expected.size() < 30, "a real front: " + expected);
    assertFalse(listed.contains(3), "a failed trial has no vector");
    double previous = Double.NEGATIVE_INFINITY;
    for (String l : lines.subList(1, lines.size())) {
      double f1 = Double.parseDouble(l.split(",")[1]);
      assertTrue(f1 >= previous, "sorted by the first objective");
      previous = f1;
    }
  }

  @Test
  void frontChartsBestJsonAndReportShowTheFront() throws Exception {
    StudySnapshot snap = study(40, List.of("f1", "f2"));
    new ParetoChartProvider().create(context()).generate(snap);
    byte[] png = Files.readAllBytes(dir.resolve("pareto.png"));
    assertArrayEquals(new byte[] {(byte) 137, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    new BestJsonProvider().create(context()).generate(snap);
    JsonNode best = JsonValues.MAPPER.readTree(dir.resolve("best.json").toFile());
    int frontSize = ParetoFront.front(snap.trials()).size();
    assertEquals(frontSize, best.get("pareto_front").size());
    assertEquals("[\"f1\",\"f2\"]", best.get("objectives").toString());
    assertTrue(best.at("/pareto_front/0/objectives/f2").isNumber());
    assertTrue(best.at("/pareto_front/0/parameters/a").isNumber());
    new ReportProvider().create(context()).generate(snap);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("<h2>Metrics and penalties</h2>"), "report has the metrics section");
    assertTrue(html.contains("<h2>Pareto front</h2>"), "report has the front section");
    assertTrue(html.indexOf("<h2>Metrics and penalties</h2>") > html.indexOf("<h2>Best trial</h2>"), "after the best trial");
    assertTrue(html.contains(frontSize + " of 39 scored trials are on the front"), "counts");
  }

  @Test
  void threeObjectivesGetOneChartPerPairAndSingleObjectiveStudiesNone() throws Exception {
    new ParetoChartProvider().create(context()).generate(study(30, List.of("f1", "f2", "b")));
    List<String> files;
    try (var s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    assertEquals(List.of("pareto_f1_b.png", "pareto_f1_f2.png", "pareto_f2_b.png"), files);
    Path plain = Files.createDirectory(dir.resolve("plain"));
    StudySnapshot single = TestStudies.sampled(SPACE, 10, 1, p -> 1.0, p -> 1.0, Direction.MINIMIZE);
    var ctx = new ResultGeneratorProvider.Context(new ConfigNode("test", "results", JsonValues.MAPPER.createObjectNode()), plain, null);
    new ParetoCsvProvider().create(ctx).generate(single);
    new ParetoChartProvider().create(ctx).generate(single);
    try (var s = Files.list(plain)) {
      assertEquals(0, s.count(), "nothing written without objective vectors");
    }
  }

  @Test
  void theProvidersAreRegisteredPlugins() {
    List<String> ids = ServiceLoader.load(ResultGeneratorProvider.class).stream().map(p -> p.get().id()).toList();
    assertTrue(ids.containsAll(List.of("pareto_csv", "pareto_chart")), ids.toString());
  }

  private static Trial scored(int number, double f1, double f2) {
    Map<String, Double> vector = new LinkedHashMap<>();
    vector.put("f1", f1);
    vector.put("f2", f2);
    Assignment a = new Assignment(Map.of("a", f1, "b", f2));
    Instant t0 = Instant.ofEpochSecond(1_700_000_000L + number);
    TrialResult r = new TrialResult(TrialStatus.COMPLETE, f1 + f2, 1, Map.of(), null, null, ResourceUsage.UNKNOWN, vector);
    return Trial.running(number, a, SPACE.nest(a), t0).finish(r, t0.plusSeconds(1));
  }

  @Test
  void bestJsonIsRewrittenWhenTheFrontChangesEvenIfTheBestWeightedSumDoesNot() throws Exception {
    var generator = new BestJsonProvider().create(context());
    Path file = dir.resolve("best.json");
    List<Trial> trials = new ArrayList<>(List.of(scored(0, 0.2, 0.2), scored(1, 0.1, 0.9)));
    generator.generate(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 10, 1));
    assertEquals(2, JsonValues.MAPPER.readTree(file.toFile()).get("pareto_front").size());

    trials.add(scored(2, 0.5, 0.5)); // dominated by trial 0: neither the best nor the front changes
    Files.delete(file);
    generator.generate(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 10, 1));
    assertFalse(Files.exists(file), "nothing changed, nothing written");

    trials.add(scored(3, 0.9, 0.05)); // on the front, but its weighted sum 0.95 does not beat trial 0's 0.4
    generator.generate(new StudySnapshot(SPACE, trials, Direction.MINIMIZE, 10, 1));
    JsonNode best = JsonValues.MAPPER.readTree(file.toFile());
    assertEquals(0, best.get("trial").asInt());
    List<Integer> front = new ArrayList<>();
    best.get("pareto_front").forEach(t -> front.add(t.get("trial").asInt()));
    assertEquals(List.of(1, 0, 3), front, "the front, by the first objective");
  }
}
