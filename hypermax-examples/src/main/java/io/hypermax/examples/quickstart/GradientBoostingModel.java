package io.hypermax.examples.quickstart;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import io.hypermax.core.stability.API;

/**
 * The quick start's model: gradient-boosted regression trees for binary classification, trained on
 * a fixed synthetic data set (two interleaved noisy spirals in 4 features) and scored by
 * validation log-loss. It is the Java analogue of the seed README's scikit-learn
 * {@code GradientBoostingClassifier}: too few or too weak trees underfit, too many with a large
 * learning rate overfit, so the hyperparameters matter.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GradientBoostingModel {
  private static final int TRAIN = 400;
  private static final int VALID = 300;
  private static final double[][] X = new double[TRAIN + VALID][];
  private static final int[] Y = new int[TRAIN + VALID];

  static {
    Random r = new Random(20261122L);
    for (int i = 0; i < X.length; i++) {
      int label = i % 2;
      double t = 0.5 + 3.0 * r.nextDouble();
      double angle = t * 2.2 + label * Math.PI;
      X[i] =
          new double[] {
            t * Math.cos(angle) + 0.35 * r.nextGaussian(),
            t * Math.sin(angle) + 0.35 * r.nextGaussian(),
            r.nextGaussian(),
            r.nextGaussian()
          };
      Y[i] = label;
    }
  }

  private GradientBoostingModel() {}

  /**
   * The objective hypermax calls. Parameters: {@code n_estimators} (int), {@code learning_rate},
   * {@code max_depth} (int), {@code subsample} in (0, 1]. Returns {@code loss} (validation log-loss)
   * and {@code accuracy} as metadata.
   */
  public static Map<String, Object> trainModel(Map<String, Object> params) {
    int nEstimators = ((Number) params.get("n_estimators")).intValue();
    double learningRate = ((Number) params.get("learning_rate")).doubleValue();
    int maxDepth = ((Number) params.getOrDefault("max_depth", 2)).intValue();
    double subsample = ((Number) params.getOrDefault("subsample", 1.0)).doubleValue();
    if (nEstimators < 1 || learningRate <= 0 || maxDepth < 1 || subsample <= 0 || subsample > 1) {
      throw new IllegalArgumentException("invalid parameters " + params);
    }

    double[] score = new double[X.length];
    Random rows = new Random(7);
    for (int m = 0; m < nEstimators; m++) {
      double[] residual = new double[TRAIN];
      boolean[] use = new boolean[TRAIN];
      for (int i = 0; i < TRAIN; i++) {
        residual[i] = Y[i] - sigmoid(score[i]);
        use[i] = subsample >= 1 || rows.nextDouble() < subsample;
      }
      Node tree = grow(residual, use, maxDepth);
      for (int i = 0; i < X.length; i++) {
        score[i] += learningRate * tree.predict(X[i]);
      }
    }
    double logLoss = 0;
    int correct = 0;
    for (int i = TRAIN; i < X.length; i++) {
      double p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(score[i])));
      logLoss -= Y[i] == 1 ? Math.log(p) : Math.log(1 - p);
      correct += (p >= 0.5) == (Y[i] == 1) ? 1 : 0;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("loss", logLoss / VALID);
    result.put("accuracy", correct / (double) VALID);
    return result;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** A regression tree node fitted to residuals by least squares. */
  private record Node(int feature, double threshold, Node left, Node right, double value) {
    double predict(double[] x) {
      if (left == null) {
        return value;
      }
      return x[feature] <= threshold ? left.predict(x) : right.predict(x);
    }
  }

  private static Node grow(double[] residual, boolean[] use, int depth) {
    int[] idx = java.util.stream.IntStream.range(0, TRAIN).filter(i -> use[i]).toArray();
    return grow(residual, idx, depth);
  }

  private static Node grow(double[] residual, int[] idx, int depth) {
    double sum = 0;
    for (int i : idx) {
      sum += residual[i];
    }
    // Newton step for log-loss would need hessians; the mean residual keeps the example short.
    double leaf = idx.length == 0 ? 0 : sum / idx.length * 4;
    if (depth == 0 || idx.length < 10) {
      return new Node(-1, 0, null, null, leaf);
    }
    int bestFeature = -1;
    double bestThreshold = 0;
    double bestGain = 1e-12;
    for (int f = 0; f < 4; f++) {
      final int feature = f;
      Integer[] order = Arrays.stream(idx).boxed().toArray(Integer[]::new);
      Arrays.sort(order, (a, b) -> Double.compare(X[a][feature], X[b][feature]));
      double leftSum = 0;
      for (int k = 0; k < order.length - 1; k++) {
        leftSum += residual[order[k]];
        int nl = k + 1;
        int nr = order.length - nl;
        if (X[order[k]][f] == X[order[k + 1]][f] || nl < 5 || nr < 5) {
          continue;
        }
        double rightSum = sum - leftSum;
        double gain = leftSum * leftSum / nl + rightSum * rightSum / nr - sum * sum / order.length;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          bestThreshold = (X[order[k]][f] + X[order[k + 1]][f]) / 2;
        }
      }
    }
    if (bestFeature < 0) {
      return new Node(-1, 0, null, null, leaf);
    }
    final int bf = bestFeature;
    final double bt = bestThreshold;
    int[] left = Arrays.stream(idx).filter(i -> X[i][bf] <= bt).toArray();
    int[] right = Arrays.stream(idx).filter(i -> X[i][bf] > bt).toArray();
    return new Node(bf, bt, grow(residual, left, depth - 1), grow(residual, right, depth - 1), leaf);
  }
}
