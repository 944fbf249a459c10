package io.hypermax.results.internal.analysis;

import io.hypermax.core.space.Parameter;
import java.util.ArrayList;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The observations as a numeric feature matrix: each numeric parameter is one column on its search
 * scale (ln x for logarithmic ones; rows where it is inactive get the column mean, so they add
 * nothing to its covariances), each categorical parameter one 0/1 column per value seen
 * ({@code name=value}, one-hot; a parameter with only two values seen gets just the column of the
 * second, since the other is its exact mirror). Columns that never vary are dropped.
 *
 * @param parameters the parameter each column belongs to
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Features(List<String> labels, List<String> parameters, double[][] columns) {

  public static Features of(Observations obs) {
    List<String> labels = new ArrayList<>();
    List<String> owners = new ArrayList<>();
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
      add(labels, owners, columns, p.path(), p.path(), col);
    }
    for (Parameter p : obs.categorical()) {
      List<CategoryStats.Group> groups = CategoryStats.of(obs, p).groups();
      boolean binary = groups.size() == 2 && groups.stream().mapToInt(CategoryStats.Group::count).sum() == n;
      for (CategoryStats.Group g : binary ? groups.subList(1, 2) : groups) {
        double[] col = new double[n];
        for (int r = 0; r < n; r++) {
          Object v = obs.all().get(r).params().get(p.path());
          col[r] = v != null && obs.label(p, v).equals(g.label()) ? 1 : 0;
        }
        add(labels, owners, columns, p.path() + "=" + g.label(), p.path(), col);
      }
    }
    return new Features(List.copyOf(labels), List.copyOf(owners), columns.toArray(new double[0][]));
  }

  private static void add(
      List<String> labels, List<String> owners, List<double[]> columns, String label, String owner, double[] col) {
    if (!Stats.constant(col)) {
      labels.add(label);
      owners.add(owner);
      columns.add(col);
    }
  }

  public int size() {
    return labels.size();
  }
}
