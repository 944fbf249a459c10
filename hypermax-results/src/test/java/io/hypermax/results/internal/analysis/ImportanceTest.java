package io.hypermax.results.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.objective.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportanceTest {

  @Test
  void theDominantParameterRanksFirstAndNoiseNearZero() {
    Random r = new Random(9);
    List<Observation> list = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double a = r.nextDouble() * 10;
      double b = r.nextDouble() * 10;
      double noise = r.nextDouble() * 10;
      String opt = r.nextBoolean() ? "sgd" : "adam";
      double loss = 3 * (a - 5) * (a - 5) + 2 * b + ("sgd".equals(opt) ? 1 : 0) + r.nextGaussian() * 0.1;
      list.add(new Observation(i, loss, loss, 1, Map.of("a", a, "b", b, "noise", noise, "opt", opt)));
    }
    Observations obs =
        new Observations(
            list, Direction.MINIMIZE,
            List.of(NumericParameter.linear("noise"), NumericParameter.linear("b"), NumericParameter.linear("a")),
            List.of(Parameter.of("opt", CategoricalDistribution.of(List.of("sgd", "adam")))));
    List<Importance.Entry> e = Importance.compute(obs).entries();
    assertEquals("a", e.get(0).parameter());
    assertTrue(e.get(0).share() > 0.6, "a dominates: " + e);
    Map<String, Double> omega = new java.util.HashMap<>();
    e.forEach(x -> omega.put(x.parameter(), x.omegaSquared()));
    assertTrue(omega.get("b") > omega.get("noise"), "b matters more than noise: " + e);
    assertTrue(omega.get("noise") < 0.08, "noise explains ~nothing: " + e);
    assertEquals(1, e.stream().mapToDouble(Importance.Entry::share).sum(), 1e-9);
  }

  /** 40 trials, as in the quick start: the original's 10 fixed bins left 4 trials a bin and flattened every bar. */
  @Test
  void aDominantParameterStandsOutInASmallStudyAndItsIntervalSeparatesItFromNoise() {
    Random r = new Random(40);
    List<Observation> list = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double a = r.nextDouble() * 10;
      Map<String, Object> p = new java.util.HashMap<>();
      p.put("a", a);
      for (String k : List.of("n1", "n2", "n3")) {
        p.put(k, r.nextDouble());
      }
      double loss = (a - 5) * (a - 5) + r.nextGaussian() * 0.5;
      list.add(new Observation(i, loss, loss, 1, p));
    }
    Observations obs =
        new Observations(list, Direction.MINIMIZE,
            List.of(NumericParameter.linear("n1"), NumericParameter.linear("a"), NumericParameter.linear("n2"),
                NumericParameter.linear("n3")),
            List.of());
    List<Importance.Entry> e = Importance.compute(obs).entries();
    Importance.Entry a = e.get(0);
    assertEquals("a", a.parameter(), e.toString());
    assertTrue(a.share() > 0.6, "not flat: " + e);
    assertEquals(5, a.groups(), "40 results: 5 bins of 8");
    for (Importance.Entry x : e.subList(1, e.size())) {
      assertTrue(a.low() > x.high(), "a's 90% interval lies above " + x.parameter() + "'s: " + e);
    }
    for (Importance.Entry x : e) {
      assertTrue(x.low() <= x.high() && x.low() >= 0 && x.high() <= 1, x.toString());
    }
    assertEquals(e, Importance.compute(obs).entries(), "the bootstrap is seeded: the same study gives the same intervals");
  }

  @Test
  void omegaSquaredOfAPerfectGroupingIsNearOneAndOfOneGroupZero() {
    double[] y = {0, 0, 0, 10, 10, 10};
    assertTrue(Importance.entry("g", new int[] {0, 0, 0, 1, 1, 1}, y).omegaSquared() > 0.99);
    assertEquals(0, Importance.entry("g", new int[] {0, 0, 0, 0, 0, 0}, y).omegaSquared());
  }
}
