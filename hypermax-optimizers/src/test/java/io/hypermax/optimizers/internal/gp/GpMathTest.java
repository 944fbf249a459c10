package io.hypermax.optimizers.internal.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The numerical pieces against hand-computed values (mpmath, 30 digits) and finite differences. */
class GpMathTest {

  @Test
  void matern52MatchesItsClosedFormAndDerivative() {
    // k(s) = (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r), r = sqrt(s); values from mpmath.
    double[][] table = {
      {0, 1.0, -0.83333333333333333},
      {0.25, 0.82864914241812531, -0.57702640501796626},
      {1, 0.52399410883182031, -0.28822019394264783},
      {4, 0.13866021913850428, -0.052089677096159437}
    };
    for (double[] row : table) {
      assertEquals(row[1], Kernel.MATERN52.value(row[0]), 1e-15, "k(" + row[0] + ")");
      assertEquals(row[2], Kernel.MATERN52.derivative(row[0]), 1e-15, "k'(" + row[0] + ")");
      double[] d = new double[1];
      assertEquals(row[1], Kernel.MATERN52.valueAndDerivative(row[0], d, 0), 1e-15);
      assertEquals(row[2], d[0], 1e-15);
    }
    assertEquals(Math.exp(-0.5), Kernel.RBF.value(1), 1e-16);
  }

  @Test
  void logEiMatchesHighPrecisionValuesFarIntoTheTail() {
    // log(phi(z) + z Phi(z)) and Phi(z) / (phi(z) + z Phi(z)) from mpmath at 40 digits.
    double[][] table = {
      {0, -0.91893853320467274178, 1.2533141373155002512},
      {1, 0.080026218849306940029, 0.77663872520173925975},
      {3, 1.0987396653277077727, 0.33284096845179523558},
      {-1, -2.4851210257126413368, 1.9042712333296918229},
      {-4, -11.849061577550663111, 4.4324837418731182906},
      {-5, -16.744301162660990143, 5.3618162412880885298},
      {-6, -22.578879392169797367, 6.309840773209831577},
      {-10, -55.553122036122355927, 10.194383033412553306},
      {-40, -808.29856835661996024, 40.049906657648518193}
    };
    for (double[] row : table) {
      double z = row[0];
      assertEquals(row[1], LogEi.logH(z), 1e-12 * Math.max(1, Math.abs(row[1])), "log h(" + z + ")");
      assertEquals(row[2], LogEi.dLogH(z), 1e-11 * Math.max(1, row[2]), "d log h(" + z + ")");
    }
    // Finite even where EI itself underflows to 0 in double precision.
    assertTrue(Double.isFinite(LogEi.logH(-1e4)));
    // Continuous across the switch between the direct and the continued-fraction branch.
    assertEquals(LogEi.logH(-5 + 1e-9), LogEi.logH(-5 - 1e-9), 1e-7);
    // log EI with sigma scales: log EI(mean, sigma, best) = log sigma + log h((best - mean) / sigma).
    assertEquals(Math.log(2) + LogEi.logH(-0.5), LogEi.logEi(1, 2, 0), 1e-15);
  }

  @Test
  void likelihoodGradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(4);
    int n = 15;
    int d = 3;
    boolean[] categorical = {false, true, false};
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rng.nextDouble();
      x[i][1] = rng.nextInt(3);
      x[i][2] = rng.nextDouble();
      y[i] = Math.sin(5 * x[i][0]) + 0.3 * x[i][1] + rng.nextGaussian() * 0.1;
    }
    for (Kernel kernel : Kernel.values()) {
      MarginalLikelihood f = new MarginalLikelihood(x, Warping.NONE.standardised(y), categorical, kernel, 1e-6);
      double[] theta = {Math.log(2), Math.log(0.5), Math.log(5), Math.log(1.3), Math.log(0.05)};
      double[] grad = new double[theta.length];
      f.evaluate(theta, grad);
      for (int k = 0; k < theta.length; k++) {
        double h = 1e-6;
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[k] += h;
        down[k] -= h;
        double fd = (f.evaluate(up, new double[theta.length]) - f.evaluate(down, new double[theta.length])) / (2 * h);
        assertEquals(fd, grad[k], 1e-5 * Math.max(1, Math.abs(fd)), kernel + " parameter " + k);
      }
    }
  }

  @Test
  void likelihoodOfTwoPointsMatchesTheClosedForm() {
    // Two points at distance 0.5 on one dimension, lambda = 4 => s = 1; signal 2, noise 1e-6 + 0.1.
    double[][] x = {{0.0}, {0.5}};
    double[] y = {1, -1};
    MarginalLikelihood f = new MarginalLikelihood(x, y, new boolean[1], Kernel.MATERN52, 1e-6);
    double[] theta = {Math.log(4), Math.log(2), Math.log(0.1)};
    double value = f.evaluate(theta, new double[3]);
    double a = 2 + 0.1 + 1e-6;
    double b = 2 * 0.52399410883182031;
    double det = a * a - b * b;
    double quad = (a * 1 - 2 * b * 1 * -1 + a * 1) / det; // y^T K^-1 y for y = (1, -1)
    double logLik = -0.5 * quad - 0.5 * Math.log(det);
    double noise = 0.1 + 1e-6;
    double logPrior = -(0.1 / 4 + 0.1 * 4) + Math.log(2) - 2 + 0.1 * Math.log(noise) - 30 * noise;
    assertEquals(-(logLik + logPrior), value, 1e-12);
  }

  @Test
  void aDeterministicLossIsFittedDownToTheNoiseFloor() {
    // 100 noiseless values of a smooth function: the MAP noise goes down to the floor, whatever the floor is
    // (a fixed bound e^-25 on the excess once kept it at 1.4e-11 or more, so 1e-14 acted as 1.4e-11).
    int n = 100;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {i / (n - 1.0)};
      y[i] = Math.pow(x[i][0] - 0.3, 2);
    }
    double[] standardised = Warping.NONE.standardised(y);
    for (double floor : new double[] {1e-6, 1e-14}) {
      MarginalLikelihood f = new MarginalLikelihood(x, standardised, new boolean[1], Kernel.MATERN52, floor);
      double[][] box = MarginalLikelihood.bounds(1, floor);
      Lbfgs.Result r = Lbfgs.minimize(f, MarginalLikelihood.start(1, 1, 1, 0.1), box[0], box[1], 200, 1e-8);
      double noise = floor + Math.exp(r.x()[2]);
      assertTrue(noise >= floor && noise < 10 * floor, "floor " + floor + ": fitted noise " + noise);
    }
  }

  @Test
  void posteriorInterpolatesAndItsGradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(8);
    int n = 12;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rng.nextDouble();
      x[i][1] = rng.nextDouble();
      y[i] = Math.cos(3 * x[i][0]) - x[i][1];
    }
    double[] theta = {Math.log(3), Math.log(2), 0, Math.log(1e-8)};
    GaussianProcess gp = new GaussianProcess(x, y, new boolean[2], Kernel.MATERN52, theta, 1e-6);
    double[] out = new double[2];
    gp.predict(x[3], out);
    assertEquals(y[3], out[0], 1e-4, "nearly noise-free: the mean interpolates");
    assertTrue(out[1] < 1e-4, "and the variance at a data point is small: " + out[1]);

    Acquisition acq = new Acquisition(gp, -0.5);
    double[] p = {0.31, 0.77};
    boolean[] free = {true, true};
    double[] grad = new double[2];
    double v = acq.valueAndGradient(p, free, grad);
    assertEquals(acq.value(p), v, 1e-12);
    for (int j = 0; j < 2; j++) {
      double[] up = p.clone();
      double[] down = p.clone();
      up[j] += 1e-6;
      down[j] -= 1e-6;
      double fd = (acq.value(up) - acq.value(down)) / 2e-6;
      assertEquals(fd, grad[j], 1e-5 * Math.max(1, Math.abs(fd)), "d logEI / dx" + j);
    }
    double[] means = new double[2];
    double[] vars = new double[2];
    gp.predictBatch(new double[][] {p, x[5]}, means, vars);
    gp.predict(p, out);
    assertArrayEquals(new double[] {out[0], out[1]}, new double[] {means[0], vars[0]}, 1e-12);
  }

  @Test
  void lbfgsMinimisesRosenbrockAndRespectsBounds() {
    Lbfgs.Objective rosen =
        (p, g) -> {
          double a = 1 - p[0];
          double b = p[1] - p[0] * p[0];
          g[0] = -2 * a - 400 * p[0] * b;
          g[1] = 200 * b;
          return a * a + 100 * b * b;
        };
    Lbfgs.Result free = Lbfgs.minimize(rosen, new double[] {-1.2, 1}, new double[] {-5, -5}, new double[] {5, 5}, 500, 1e-8);
    assertEquals(1, free.x()[0], 1e-4);
    assertEquals(1, free.x()[1], 1e-4);
    // With x1 <= 0.5 the constrained minimum is on the bound, at (0.5, 0.25).
    Lbfgs.Result bounded = Lbfgs.minimize(rosen, new double[] {-1.2, 1}, new double[] {-5, -5}, new double[] {0.5, 5}, 500, 1e-8);
    assertEquals(0.5, bounded.x()[0], 1e-6);
    assertEquals(0.25, bounded.x()[1], 1e-4);
  }

  @Test
  void warpingsKeepTheOrderAndStandardise() {
    double[] y = {3, 1e6, 2, 2, 10};
    for (Warping w : Warping.values()) {
      double[] s = w.standardised(y);
      double mean = 0;
      for (double v : s) {
        mean += v / s.length;
      }
      assertEquals(0, mean, 1e-12, w.key());
      assertTrue(s[2] < s[0] && s[0] < s[4] && s[4] < s[1] && s[2] == s[3], w.key());
    }
    assertEquals(0, Warping.NONE.standardised(new double[] {5, 5, 5})[1], 0, "a constant history stays finite");
  }

  @Test
  void subsetKeepsTheBestHalfAndTheMostRecent() {
    double[] scores = {5, 0, 9, 1, 8, 7, 6, 2};
    // limit 4: best two (indices 1 and 3), then the two most recent others (7 and 6).
    assertArrayEquals(new int[] {1, 3, 6, 7}, HistorySubset.select(scores, 4));
    assertEquals(8, HistorySubset.select(scores, 8).length);
  }
}
