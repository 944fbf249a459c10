package io.hypermax.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.study.Direction;
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
    assertTrue(omega.get("noise") < 0.05, "noise explains ~nothing: " + e);
    assertEquals(1, e.stream().mapToDouble(Importance.Entry::share).sum(), 1e-9);
  }

  @Test
  void omegaSquaredOfAPerfectGroupingIsNearOneAndOfOneGroupZero() {
    double[] y = {0, 0, 0, 10, 10, 10};
    assertTrue(Importance.entry("g", new int[] {0, 0, 0, 1, 1, 1}, y).omegaSquared() > 0.99);
    assertEquals(0, Importance.entry("g", new int[] {0, 0, 0, 0, 0, 0}, y).omegaSquared());
  }
}
