package io.hypermax.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study applies the objective when a result is told: optimizers and the journal see only the combined loss. */
class StudyObjectiveTest {
  @TempDir Path dir;

  static final SearchSpace SPACE = new SearchSpace(List.of(Parameter.of("x", NumberDistribution.uniform(0, 1))));

  /** Records the losses and objective vectors of the history each suggestion is based on. */
  static final class RecordingOptimizer implements Optimizer {
    final List<List<Double>> losses = new ArrayList<>();
    final List<List<Map<String, Double>>> vectors = new ArrayList<>();

    @Override
    public Assignment suggest(SuggestRequest request) {
      losses.add(request.finished().stream().map(request::score).toList());
      vectors.add(request.finished().stream().map(t -> t.result().objectives()).toList());
      return request.space().sample(request.random());
    }
  }

  @Test
  void theOptimizerReceivesTheCombinedLossAndTheJournalKeepsTheVector() {
    Objective objective = new Objective(
        List.of(Metric.value("accuracy", 1, Direction.MAXIMIZE, null),
            Metric.penalty("time", MetricType.TIME, 1, new Penalty(5, 10, 0.1))),
        true);
    RecordingOptimizer optimizer = new RecordingOptimizer();
    try (Study study = Study.builder(SPACE, optimizer).seed(3).iterations(3).objective(objective)
        .journal(Journal.open(dir)).build()) {
      study.tell(study.ask(), Map.of("accuracy", 0.9, "time", 9.0));
      study.tell(study.ask(), Map.of("accuracy", 0.7, "time", 4.0));
      study.ask();
    }
    assertEquals(List.of(), optimizer.losses.get(0));
    assertEquals(List.of(-0.9 + 0.064), optimizer.losses.get(1));
    assertEquals(-0.9 + 0.064, optimizer.losses.get(2).get(0), 1e-12);
    assertEquals(-0.7, optimizer.losses.get(2).get(1), 1e-12);
    assertEquals(Map.of("accuracy", -0.7, "time", 0.0), optimizer.vectors.get(2).get(1));

    io.hypermax.core.storage.StoredStudy state = Journal.read(dir);
    Trial first = state.finished().get(0);
    assertEquals(-0.9 + 0.064, first.loss(), 1e-12);
    assertEquals(List.of("accuracy", "time"), List.copyOf(first.result().objectives().keySet()));
    assertEquals(0.064, first.result().objectives().get("time"), 1e-12);
    assertEquals(0.064, (double) first.result().metadata().get("penalty.time"), 1e-12);
    assertTrue(state.abandoned().size() == 1, "the third trial was only started");
  }
}
