package io.hypermax.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BenchmarkProblemsTest {

  private static Map<String, Object> xs(double... v) {
    Map<String, Object> p = new HashMap<>();
    for (int i = 0; i < v.length; i++) {
      p.put("x" + (i + 1), v[i]);
    }
    return p;
  }

  private static double[] fill(int n, double v) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, v);
    return out;
  }

  private static double f(String problem, Map<String, Object> p) {
    return BenchmarkProblems.byName(problem).evaluate(p);
  }

  @Test
  void theKnownMinimaAreReachedAtTheKnownArgmins() {
    assertEquals(5 / (4 * Math.PI), f("branin", xs(Math.PI, 2.275)), 1e-12);
    assertEquals(-3.3223680114155147,
        f("hartmann6", xs(0.20168951067422813, 0.15001069619697321, 0.47687397414963617, 0.2753324271227949,
            0.31165161711794254, 0.6573005350276446)), 1e-12);
    assertEquals(0, f("rosenbrock10", xs(fill(10, 1))), 1e-12);
    assertEquals(0, f("ackley10", xs(fill(10, 0))), 1e-12);
    assertEquals(0, f("levy10", xs(fill(10, 1))), 1e-12);
    assertEquals(0, f("rastrigin10", xs(fill(10, 0))), 1e-12);
    assertEquals(0, f("sphere5", xs(fill(5, 0))), 1e-12);
    BenchmarkProblem st = BenchmarkProblems.byName("styblinski_tang10");
    assertEquals(st.minimum(), st.evaluate(xs(fill(10, TestFunctions.styblinskiTangRoot()))), 1e-9);
    assertEquals(-391.6616570377141, st.minimum(), 1e-9);
    Map<String, Object> intquad = new HashMap<>(Map.of("i1", 3, "i2", -2, "i3", 7, "i4", 0, "i5", -5, "j", 64, "q", 1.5));
    assertEquals(0, f("intquad", intquad), 1e-12);
    Map<String, Object> svm = Map.of("model", Map.of("$index", 0, "name", "svm", "C", Math.pow(10, 1.5), "gamma", 0.01));
    assertEquals(0.05, f("mixed", svm), 1e-12);
  }

  @Test
  void valuesMatchThePeerHarnessAtItsTestPoints() {
    // From shared/peers/problems/*.json (computed by the Python definitions).
    assertEquals(-0.2952824900517912,
        f("hartmann6", xs(0.41661987254534116, 0.010169169457068361, 0.8252065092537432, 0.2986398551995928,
            0.3684116894884757, 0.19366134904507426)), 1e-12);
    assertEquals(190.19374556713146,
        f("levy10", xs(-1.6676025490931767, -9.796616610858633, 6.504130185074864, -4.027202896008144,
            -2.631766210230486, -6.126773019098515, 1.3201633745772252, -6.766243521412636, -7.514662314329397,
            -1.3412746398016822)), 1e-9);
    assertEquals(-92.01908961555844,
        f("styblinski_tang10", xs(-0.8338012745465884, -4.898308305429317, 3.252065092537432, -2.013601448004072,
            -1.315883105115243, -3.0633865095492574, 0.6600816872886126, -3.383121760706318, -3.7573311571646983,
            -0.6706373199008411)), 1e-9);
    Map<String, Object> intquad = new HashMap<>(Map.of("i1", 3, "i2", -10, "i3", -1, "i4", 1, "i5", -4, "j", 554, "q", 4.0));
    assertEquals(239.03156110653077, f("intquad", intquad), 1e-9);
    Map<String, Object> rf = Map.of("model", Map.of("$index", 1, "name", "rf", "n_estimators", 885, "max_depth", 12));
    assertEquals(0.08882930906791141, f("mixed", rf), 1e-12);
  }

  @Test
  void spacesHaveTheRightShape() {
    assertEquals(9, BenchmarkProblems.all().size());
    assertEquals(10, BenchmarkProblems.byName("rastrigin10").dimension());
    SearchSpace mixed = BenchmarkProblems.byName("mixed").space();
    assertTrue(mixed.get("model").distribution() instanceof ChoiceDistribution);
    NumberDistribution c = (NumberDistribution) mixed.get("model.0.C").distribution();
    assertTrue(c.isLog());
    NumberDistribution trees = (NumberDistribution) mixed.get("model.1.n_estimators").distribution();
    assertTrue(trees.isLog() && trees.integer());
    NumberDistribution q = (NumberDistribution) BenchmarkProblems.byName("intquad").space().get("q").distribution();
    assertEquals(0.5, q.step());
  }

  @Test
  void everyProblemEvaluatesItsOwnRandomDraws() {
    SplittableRandom rng = new SplittableRandom(1);
    for (BenchmarkProblem p : BenchmarkProblems.all()) {
      for (int i = 0; i < 20; i++) {
        Assignment a = p.space().sample(rng);
        double v = p.evaluate(p.space().nest(a));
        assertTrue(v >= p.minimum() - 1e-9, p.name() + " below its minimum: " + v);
      }
    }
  }

  @Test
  void selectionByNameAndUnknownNames() {
    assertEquals(List.of("branin", "mixed"), BenchmarkProblems.select("branin, mixed").stream().map(BenchmarkProblem::name).toList());
    assertThrows(NoSuchElementException.class, () -> BenchmarkProblems.select("nope"));
  }

  @Test
  void methodSpecsCarrySettings() {
    MethodSpec m = MethodSpec.parse("tpe:multivariate=true:gamma=0.2:n_ei_candidates=48");
    assertEquals("tpe", m.id());
    assertEquals(Map.of("multivariate", true, "gamma", 0.2, "n_ei_candidates", 48L), m.settings());
    assertThrows(IllegalArgumentException.class, () -> MethodSpec.parse("tpe:gamma"));
  }

  @Test
  void quantilesInterpolate() {
    double[] v = {4, 1, 3, 2};
    assertEquals(2.5, Stats.median(v));
    assertEquals(1.75, Stats.quantile(v, 0.25));
    assertEquals(3.25, Stats.quantile(v, 0.75));
  }
}
