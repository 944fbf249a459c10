package io.hypermax.cli.ui;

import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rolling loss as a text bar chart, as the original's "Rolling Loss" graph: for each of the last
 * trials the median loss of the window ending there (window min(10, n - 10), at least 1), one column
 * each, the scale at the left.
 */
final class LossChart {
  private LossChart() {}

  static double[] rollingMedians(List<Trial> finished, int points) {
    List<Double> losses = new ArrayList<>();
    for (Trial t : finished) {
      if (t.status() == TrialStatus.COMPLETE && Double.isFinite(t.loss())) {
        losses.add(t.loss());
      }
    }
    int n = losses.size();
    int window = Math.max(1, Math.min(10, n - 10));
    int count = Math.min(points, n);
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      int end = n - count + i + 1;
      double[] w = losses.subList(Math.max(0, end - window), end).stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(w);
      out[i] = w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
    }
    return out;
  }

  static List<String> lines(List<Trial> finished, int width, int rows) {
    int label = 11;
    double[] m = rollingMedians(finished, Math.max(1, width - label - 1));
    List<String> out = new ArrayList<>();
    if (m.length == 0) {
      out.add("  (no completed trial yet)");
      return out;
    }
    double lo = Arrays.stream(m).min().orElse(0);
    double hi = Arrays.stream(m).max().orElse(1);
    if (hi == lo) {
      hi = lo + Math.max(1e-12, Math.abs(lo) * 1e-6);
    }
    for (int r = rows - 1; r >= 0; r--) {
      double level = lo + (hi - lo) * r / Math.max(1, rows - 1);
      // The scale at the top, the middle and the bottom row only: easier to read, and never ten equal labels.
      boolean labelled = r == rows - 1 || r == 0 || r == (rows - 1) / 2;
      StringBuilder sb = new StringBuilder(labelled ? String.format("%10.4g|", level) : " ".repeat(10) + "|");
      for (double v : m) {
        double frac = (v - lo) / (hi - lo);
        sb.append(frac * (rows - 1) + 0.5 >= r ? '#' : ' ');
      }
      out.add(sb.toString());
    }
    return out;
  }
}
