package io.hypermax.examples.storm;

import java.util.Random;
import io.hypermax.core.stability.API;

/**
 * Friedman's classic regression benchmark #1 (as in scikit-learn's {@code make_friedman1}): ten
 * inputs uniform on [0, 1], of which five matter,
 * {@code y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5 + N(0, 1)}. Generated from a fixed
 * seed, so every run sees the same data.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Friedman1(double[][] trainX, double[] trainY, double[][] validX, double[] validY) {
  public static final int INPUTS = 10;

  public static Friedman1 generate(int train, int valid, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[train + valid][INPUTS];
    double[] y = new double[train + valid];
    for (int n = 0; n < x.length; n++) {
      for (int i = 0; i < INPUTS; i++) {
        x[n][i] = r.nextDouble();
      }
      y[n] =
          10 * Math.sin(Math.PI * x[n][0] * x[n][1])
              + 20 * Math.pow(x[n][2] - 0.5, 2)
              + 10 * x[n][3]
              + 5 * x[n][4]
              + r.nextGaussian();
    }
    return new Friedman1(
        java.util.Arrays.copyOfRange(x, 0, train),
        java.util.Arrays.copyOfRange(y, 0, train),
        java.util.Arrays.copyOfRange(x, train, train + valid),
        java.util.Arrays.copyOfRange(y, train, train + valid));
  }
}
