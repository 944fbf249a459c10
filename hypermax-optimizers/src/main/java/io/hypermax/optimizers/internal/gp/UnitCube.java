package io.hypermax.optimizers.internal.gp;

import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizable parameters of a space as GP input dimensions. Conditional spaces are handled by imputation:
 * an inactive numeric parameter sits at the centre of its axis and an inactive categorical is a category of its
 * own, so trials of different {@code anyOf} branches share one GP whose branch dimension (a categorical) tells
 * them apart, and trials of the same branch are compared only on what they really set.
 */
final class UnitCube {
  final SearchSpace space;
  final List<UnitAxis> axes;

  UnitCube(SearchSpace space) {
    this.space = space;
    List<UnitAxis> list = new ArrayList<>();
    for (Parameter p : space.optimizable()) {
      UnitAxis axis = UnitAxis.of(p);
      if (axis != null) {
        list.add(axis);
      }
    }
    this.axes = List.copyOf(list);
  }

  int dimensions() {
    return axes.size();
  }

  boolean[] categorical() {
    boolean[] out = new boolean[axes.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = axes.get(j).isCategorical();
    }
    return out;
  }

  /** The point of an assignment (missing parameters are inactive). */
  double[] encode(Map<String, Object> values) {
    double[] x = new double[axes.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = axes.get(j).encode(values.get(axes.get(j).parameter.path()));
    }
    return x;
  }

  /** Which dimensions an assignment sets. */
  boolean[] active(Map<String, Object> values) {
    boolean[] out = new boolean[axes.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = values.containsKey(axes.get(j).parameter.path());
    }
    return out;
  }

  /** A value for every dimension, active or not; {@link SearchSpace#complete} then drops the inactive ones. */
  Map<String, Object> decode(double[] x) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int j = 0; j < x.length; j++) {
      UnitAxis a = axes.get(j);
      double u = a.isCategorical() && x[j] < 0 ? 0 : x[j];
      out.put(a.parameter.path(), a.decode(u));
    }
    return out;
  }
}
