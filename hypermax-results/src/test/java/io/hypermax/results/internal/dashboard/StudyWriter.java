package io.hypermax.results.internal.dashboard;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.results.TestStudies;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** Another writer of a results directory, as a running search is: a journal of its own, appended to trial by trial. */
final class StudyWriter implements AutoCloseable {
  static final SearchSpace SPACE = TestStudies.threeNumericOneCategorical();
  static final DashboardDocument.Shape SHAPE = new DashboardDocument.Shape(SPACE, Direction.MINIMIZE, 100);
  private final Journal journal;
  private final Random rng = new Random(7);
  private final Instant t0 = Instant.now().minusSeconds(120); // so a running trial shows a plausible elapsed time

  StudyWriter(Path dir) {
    journal = Journal.open(dir);
    journal.recordStudy(7);
  }

  Trial start(int number) {
    Assignment a = SPACE.sample(rng);
    Trial t = Trial.running(number, a, SPACE.nest(a), t0.plusSeconds(number));
    journal.recordTrialStart(t);
    return t;
  }

  void finish(Trial t) {
    journal.recordTrialEnd(t.finish(TrialResult.complete(TestStudies.bowl(t.flatParameters()), 1.5, Map.of()), t.start().plusSeconds(1)));
  }

  void trials(int from, int to) {
    for (int i = from; i < to; i++) {
      finish(start(i));
    }
  }

  /** Finishes {@code t} as a {@code search.method: atpe} trial whose suggestion {@code action} of {@code family} made. */
  void finishAtpe(Trial t, String action, String family) {
    Map<String, Object> meta = Map.of("atpe.action", action, "atpe.family", family, "atpe.model", "test");
    journal.recordTrialEnd(t.finish(TrialResult.complete(TestStudies.bowl(t.flatParameters()), 1.5, meta), t.start().plusSeconds(1)));
  }

  /** Finishes {@code t} with two objectives that trade off (x against 10 - x), as a Pareto study's trials do. */
  void finishPareto(Trial t) {
    double x = ((Number) t.flatParameters().get("x")).doubleValue();
    Map<String, Double> objectives = new java.util.LinkedHashMap<>();
    objectives.put("error", x + 0.1 * ((Number) t.flatParameters().get("layers")).doubleValue());
    objectives.put("size", 10 - x);
    TrialResult r = new TrialResult(io.hypermax.core.trial.TrialStatus.COMPLETE, x, 1.0, Map.of(), null, null, null, objectives);
    journal.recordTrialEnd(t.finish(r, t.start().plusSeconds(1)));
  }

  void intermediate(int trial, long step, double value) {
    journal.recordIntermediate(trial, step, value);
  }

  /** Journals guidance the search applied (as a running search does with what it reads from its inbox). */
  void guidance(io.hypermax.core.guidance.GuidanceEvent e) {
    journal.recordCustom(e.toJson());
  }

  @Override
  public void close() {
    journal.close();
  }
}
