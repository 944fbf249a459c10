package io.hypermax.results.analysis;

import io.hypermax.core.space.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The observations as a numeric feature matrix: each numeric parameter is one column on its search
 * scale (ln x for logarithmic ones; rows where it is inactive get the column mean, so they add
 * nothing to its covariances), each categorical parameter one 0/1 column per value seen
 * ({@code name=value}, one-hot). Columns that never vary are dropped.
 */
public record Features(List<String> labels, double[][] columns) {

  public static Features of(Observations obs) {
    List<String> labels = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    int n = obs.size();
    for (NumericParameter p : obs.numeric()) {
      double[] col = new double[n];
      double sum = 0;
      int active = 0;
      for (int r = 0; r < n; r++) {
        double v = obs.all().get(r).number(p.path());
        col[r] = p.log() && v > 0 ? Math.log(v) : v;
        if (Double.isFinite(col[r])) {
          sum += col[r];
          active++;
        }
      }
      double mean = active == 0 ? 0 : sum / active;
      for (int r = 0; r < n; r++) {
        if (!Double.isFinite(col[r])) {
          col[r] = mean;
        }
      }
      add(labels, columns, p.path(), col);
    }
    for (Parameter p : obs.categorical()) {
      for (CategoryStats.Group g : CategoryStats.of(obs, p).groups()) {
        double[] col = new double[n];
        for (int r = 0; r < n; r++) {
          Object v = obs.all().get(r).params().get(p.path());
          col[r] = v != null && CategoryStats.label(p, v).equals(g.label()) ? 1 : 0;
        }
        add(labels, columns, p.path() + "=" + g.label(), col);
      }
    }
    return new Features(List.copyOf(labels), columns.toArray(new double[0][]));
  }

  private static void add(List<String> labels, List<double[]> columns, String label, double[] col) {
    if (!Stats.constant(col)) {
      labels.add(label);
      columns.add(col);
    }
  }

  public int size() {
    return labels.size();
  }
}
