package io.hypermax.results.internal.analysis;

import java.util.Arrays;
import java.util.TreeSet;
import io.hypermax.core.stability.API;

/**
 * Bucket edges over one parameter's observed values. Bucket i is (edge[i], edge[i+1]], the first
 * one also including edge[0]; a value outside [edge[0], edge[last]] belongs to no bucket.
 *
 * <p>Edges are evenly spaced between the smallest and largest observed value, in ln-space for
 * logarithmic parameters. A rounded parameter whose observed grid values are no more than the
 * bucket count gets one bucket per grid value instead (edges half a step around each value), so
 * integers are never split across buckets.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Buckets(double[] edges) {

  public static Buckets compute(double[] values, NumericParameter p, int count) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to bucket for " + p.path());
    }
    double lo = Stats.min(values);
    double hi = Stats.max(values);
    if (p.step() != null) {
      long gridValues = Math.round((hi - lo) / p.step()) + 1;
      if (gridValues <= count) {
        double[] edges = new double[(int) gridValues + 1];
        for (int i = 0; i < edges.length; i++) {
          edges[i] = lo + (i - 0.5) * p.step();
        }
        return new Buckets(edges);
      }
    }
    if (hi == lo) {
      return new Buckets(new double[] {lo, hi});
    }
    double[] edges = new double[count + 1];
    boolean log = p.log() && lo > 0;
    double a = log ? Math.log(lo) : lo;
    double b = log ? Math.log(hi) : hi;
    for (int i = 0; i <= count; i++) {
      double x = a + (b - a) * i / count;
      edges[i] = log ? Math.exp(x) : x;
    }
    // exp(ln(x)) is not always x: pin the ends so the extreme observations stay inside.
    edges[0] = lo;
    edges[count] = hi;
    return new Buckets(edges);
  }

  /** Whether these are one bucket per grid value of a rounded parameter (edges half a step around each value). */
  public boolean perValue(NumericParameter p) {
    if (p.step() == null || edges.length < 2) {
      return false;
    }
    for (int i = 0; i + 1 < edges.length; i++) {
      if (Math.abs(edges[i + 1] - edges[i] - p.step()) > 1e-9 * Math.max(1, p.step())) {
        return false;
      }
    }
    return true;
  }

  public int count() {
    return edges.length - 1;
  }

  public double low(int i) {
    return edges[i];
  }

  public double high(int i) {
    return edges[i + 1];
  }

  /** Centre of bucket i: geometric on a log scale (when both edges are positive), else arithmetic. */
  public double center(int i, boolean log) {
    if (log && edges[i] > 0 && edges[i + 1] > 0) {
      return Math.sqrt(edges[i] * edges[i + 1]);
    }
    return (edges[i] + edges[i + 1]) / 2;
  }

  /** The bucket holding v, or -1 when v is outside all buckets. */
  public int indexOf(double v) {
    if (!(v >= edges[0]) || v > edges[edges.length - 1]) {
      return -1;
    }
    int pos = Arrays.binarySearch(edges, 1, edges.length, v);
    // Exact hit on edge k (k ≥ 1) belongs to bucket k-1; otherwise the insertion point is the upper edge.
    int upper = pos >= 0 ? pos : -pos - 1;
    return Math.max(0, upper - 1);
  }

  /** Number of distinct values, for deciding whether a parameter varies at all. */
  public static int distinct(double[] values) {
    TreeSet<Double> set = new TreeSet<>();
    for (double v : values) {
      set.add(v);
    }
    return set.size();
  }
}
