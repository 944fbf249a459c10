package io.hypermax.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every optimizer plugin must do: suggest values in range with the right types, respect
 * conditional spaces, give the same trials for the same seed, and continue a resumed study exactly as
 * an uninterrupted one (resume identity). Extend it:
 *
 * <pre>{@code
 * class MyOptimizerContractTest extends OptimizerContract {
 *   protected Optimizer create(SearchSpace space, long seed) { return new MyOptimizer(space, seed); }
 * }
 * }</pre>
 */
public abstract class OptimizerContract {

  /** A new optimizer for {@code space}, seeded with {@code seed} (as its provider would create it). */
  protected abstract Optimizer create(SearchSpace space, long seed);

  /** Trials per check: enough to get past an optimizer's random start-up phase. */
  protected int trials() {
    return 30;
  }

  /** Numbers (uniform, log-scaled), integers, an enum, and a choice of two branches with their own parameters. */
  protected SearchSpace mixedSpace() {
    return SpaceParser.parse(ConfigLoader.parseTree("contract.yaml", """
        type: object
        properties:
          x: {type: number, min: -5, max: 5}
          lr: {type: number, min: 0.0001, max: 1, scaling: logarithmic}
          n: {type: integer, min: 1, max: 20}
          kind: {type: string, enum: [a, b, c]}
          model:
            anyOf:
              - {type: object, properties: {depth: {type: integer, min: 1, max: 4}}}
              - {type: object, properties: {kernel: {type: string, enum: [rbf, linear]}, c: {type: number, min: 0.1, max: 10}}}
        """));
  }

  /** A loss over the mixed space that rewards something in every parameter. */
  protected static double loss(Map<String, Object> flat) {
    double loss = 0;
    for (Map.Entry<String, Object> e : flat.entrySet()) {
      if (e.getValue() instanceof Number num) {
        loss += Math.abs(num.doubleValue() - 1);
      } else {
        loss += e.getValue().equals("a") || e.getValue().equals("rbf") ? 0 : 1;
      }
    }
    return loss;
  }

  private List<Trial> run(SearchSpace space, long seed, int iterations, InMemoryStorage storage) {
    Study.Builder b = Study.builder(space, create(space, seed)).seed(seed).iterations(iterations);
    if (storage != null) {
      var stored = storage.load();
      if (stored.seed() == null) {
        storage.recordStudy(seed);
      } else {
        b.restore(stored);
      }
      b.storage(storage);
    }
    try (Study study = b.build()) {
      io.hypermax.core.spi.Executor scoring =
          request -> io.hypermax.core.trial.TrialResult.complete(loss(request.flatParameters()), 0, Map.of());
      return study.run(scoring, 1, null).snapshot().finished();
    }
  }

  @Test
  void suggestionsAreInRangeWithTheRightTypesAndRespectConditions() {
    SearchSpace space = mixedSpace();
    List<Trial> trials = run(space, 1, trials(), null);
    assertEquals(trials(), trials.size());
    for (Trial t : trials) {
      space.validate(t.assignment()); // known parameters, legal values, only active ones set
      for (Parameter p : space.parameters()) {
        boolean active = space.isActive(p, t.assignment().values());
        assertEquals(active, t.assignment().values().containsKey(p.path()),
            "trial " + t.number() + ": " + p.path() + (active ? " is active but missing" : " is inactive but set"));
        Object v = t.assignment().values().get(p.path());
        if (v != null && p.distribution() instanceof NumberDistribution n) {
          assertTrue(v instanceof Number, p.path() + " is a number: " + v);
          assertTrue(Double.isFinite(((Number) v).doubleValue()), p.path() + " is finite: " + v);
        }
      }
    }
    assertEquals(2, trials.stream().map(t -> t.assignment().values().keySet().stream().anyMatch(k -> k.endsWith("depth"))).distinct().count(),
        "both branches of the choice are tried: " + trials.stream().map(t -> t.assignment().values().keySet()).distinct().toList());
  }

  @Test
  void theSameSeedGivesTheSameTrials() {
    SearchSpace space = mixedSpace();
    assertEquals(
        run(space, 7, trials(), null).stream().map(t -> t.assignment().values()).toList(),
        run(space, 7, trials(), null).stream().map(t -> t.assignment().values()).toList());
  }

  @Test
  void aResumedStudyContinuesExactlyAsAnUninterruptedOne() {
    SearchSpace space = mixedSpace();
    List<Map<String, Object>> straight = run(space, 11, trials(), null).stream().map(t -> t.assignment().values()).toList();
    InMemoryStorage storage = new InMemoryStorage();
    run(space, 11, trials() / 2, storage);
    List<Map<String, Object>> resumed = run(space, 11, trials(), storage).stream().map(t -> t.assignment().values()).toList();
    assertEquals(straight, resumed, "a new optimizer on the stored trials suggests what the first would have");
  }
}
