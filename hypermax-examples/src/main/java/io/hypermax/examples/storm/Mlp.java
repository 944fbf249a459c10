package io.hypermax.examples.storm;

import java.util.Random;
import io.hypermax.core.stability.API;

/**
 * A one-hidden-layer perceptron for regression, the Java stand-in for the README's Keras model
 * {@code Dense(units) -> Activation -> [Dropout(rate)] -> Dense(1)}, trained on mean squared error
 * by mini-batch SGD with momentum 0.9 (the README's {@code SGD(momentum=0.9)}). Untrained until
 * {@link #fit}; everything random comes from the seed given.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Mlp {
  private final int inputs;
  private final int units;
  private final Activation activation;
  private final double dropout;
  private final double learningRate;
  private final double[][] w1;
  private final double[] b1;
  private final double[] w2;
  private double b2;

  /**
   * @param dropout fraction of hidden units dropped while training (0: no dropout layer)
   */
  public Mlp(int inputs, int units, Activation activation, double dropout, double learningRate, long seed) {
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), found " + dropout);
    }
    this.inputs = inputs;
    this.units = units;
    this.activation = activation;
    this.dropout = dropout;
    this.learningRate = learningRate;
    Random r = new Random(seed);
    w1 = new double[units][inputs];
    b1 = new double[units];
    w2 = new double[units];
    // Glorot-uniform initialisation, as Keras' Dense does.
    double limit1 = Math.sqrt(6.0 / (inputs + units));
    double limit2 = Math.sqrt(6.0 / (units + 1));
    for (int j = 0; j < units; j++) {
      for (int i = 0; i < inputs; i++) {
        w1[j][i] = (2 * r.nextDouble() - 1) * limit1;
      }
      w2[j] = (2 * r.nextDouble() - 1) * limit2;
    }
  }

  /** The prediction for one input (dropout off, as at inference). */
  public double predict(double[] x) {
    double y = b2;
    for (int j = 0; j < units; j++) {
      y += w2[j] * activation.apply(preActivation(j, x));
    }
    return y;
  }

  private double preActivation(int j, double[] x) {
    double z = b1[j];
    for (int i = 0; i < inputs; i++) {
      z += w1[j][i] * x[i];
    }
    return z;
  }

  /** Mean squared error over a data set. */
  public double loss(double[][] xs, double[] ys) {
    double sum = 0;
    for (int n = 0; n < xs.length; n++) {
      double e = predict(xs[n]) - ys[n];
      sum += e * e;
    }
    return sum / xs.length;
  }

  /**
   * Trains for {@code epochs} passes over shuffled mini-batches; returns the validation loss after
   * each epoch (the Keras {@code history.history['val_loss']}). Stops early, returning what it has,
   * when the loss is no longer finite (a diverged configuration).
   */
  public double[] fit(double[][] xs, double[] ys, int epochs, int batchSize, double[][] validX, double[] validY, long seed) {
    Random r = new Random(seed);
    int[] order = new int[xs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Gradients velocity = new Gradients(units, inputs);
    double[] history = new double[epochs];
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, r);
      for (int start = 0; start < xs.length; start += batchSize) {
        int end = Math.min(xs.length, start + batchSize);
        Gradients g = new Gradients(units, inputs);
        for (int k = start; k < end; k++) {
          accumulate(g, xs[order[k]], ys[order[k]], r);
        }
        step(velocity, g, end - start);
      }
      history[epoch] = loss(validX, validY);
      if (!Double.isFinite(history[epoch])) {
        return java.util.Arrays.copyOf(history, epoch + 1);
      }
    }
    return history;
  }

  private void accumulate(Gradients g, double[] x, double y, Random r) {
    double[] z = new double[units];
    double[] h = new double[units];
    boolean[] dropped = new boolean[units];
    double keep = 1 - dropout;
    double out = b2;
    for (int j = 0; j < units; j++) {
      z[j] = preActivation(j, x);
      // Inverted dropout: surviving units are scaled up so inference needs no change.
      dropped[j] = dropout > 0 && r.nextDouble() < dropout;
      h[j] = dropped[j] ? 0 : activation.apply(z[j]) / keep;
      out += w2[j] * h[j];
    }
    double dOut = 2 * (out - y);
    g.b2 += dOut;
    for (int j = 0; j < units; j++) {
      g.w2[j] += dOut * h[j];
      if (dropped[j]) {
        continue;
      }
      double dz = dOut * w2[j] * activation.derivative(z[j]) / keep;
      g.b1[j] += dz;
      for (int i = 0; i < inputs; i++) {
        g.w1[j][i] += dz * x[i];
      }
    }
  }

  private void step(Gradients v, Gradients g, int batch) {
    double scale = learningRate / batch;
    for (int j = 0; j < units; j++) {
      for (int i = 0; i < inputs; i++) {
        v.w1[j][i] = 0.9 * v.w1[j][i] - scale * g.w1[j][i];
        w1[j][i] += v.w1[j][i];
      }
      v.b1[j] = 0.9 * v.b1[j] - scale * g.b1[j];
      b1[j] += v.b1[j];
      v.w2[j] = 0.9 * v.w2[j] - scale * g.w2[j];
      w2[j] += v.w2[j];
    }
    v.b2 = 0.9 * v.b2 - scale * g.b2;
    b2 += v.b2;
  }

  private static void shuffle(int[] a, Random r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Gradients (or momentum velocities) of every weight. */
  private static final class Gradients {
    final double[][] w1;
    final double[] b1;
    final double[] w2;
    double b2;

    Gradients(int units, int inputs) {
      w1 = new double[units][inputs];
      b1 = new double[units];
      w2 = new double[units];
    }
  }
}
