package io.hypermax.optimizers.internal.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The hand-written erfc stays within its documented 1.2e-7 relative error of commons-math3's. */
class GaussiansTest {
  @Test
  void erfcMatchesCommonsMath3WithinItsDocumentedError() {
    double worst = 0;
    for (double x = -6; x <= 6; x += 1e-3) {
      double exact = Erf.erfc(x);
      worst = Math.max(worst, Math.abs(Gaussians.erfc(x) - exact) / exact);
    }
    assertTrue(worst < 1.2e-7, "worst relative error " + worst);
  }

  @Test
  void massIsTheNormalProbabilityOfTheInterval() {
    NormalDistribution n = new NormalDistribution();
    double[][] intervals = {{-1, 1}, {0.5, 3}, {-4, -2}, {-20, 20}, {2, 2}, {-0.1, 8}};
    for (double[] ab : intervals) {
      assertEquals(n.probability(ab[0], ab[1]), Gaussians.mass(ab[0], ab[1]), 1e-7, ab[0] + ".." + ab[1]);
    }
  }
}
