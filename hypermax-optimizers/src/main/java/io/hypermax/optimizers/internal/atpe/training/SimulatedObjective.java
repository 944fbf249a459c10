package io.hypermax.optimizers.internal.atpe.training;

import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.CategoricalDistribution;
import io.hypermax.core.space.ChoiceDistribution;
import io.hypermax.core.space.Condition;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import io.hypermax.core.stability.API;

/**
 * A random objective of the reference's §15.1 family (per-parameter contributions of type linear,
 * peak/valley, exponential, logarithmic or piecewise-random, plus pairwise interactions of type
 * linear, Gaussian bump or wave, multiplicative noise and random failures), extended with the
 * parameter kinds and shapes of real tuning problems: uniform, log-scaled (a sharp optimum in log
 * space, like a learning rate) and integer numbers, unordered categoricals, booleans, and a branch
 * choice whose branches have their own parameters (an architecture choice), and a divergence region
 * where trials fail. None of the benchmark suite's functions is used. Every parameter is mapped to
 * u in [0, 1] first; the noiseless loss lies in [0, 1].
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SimulatedObjective {
  /**
   * Top-level parameters of a space: 1 to 12. Tuning problems with 8 to 12 hyperparameters are
   * common (boosted trees, networks); a first family stopped at 7, and the policy then met such
   * spaces only outside what it was trained on.
   */
  static final int MAX_PRIMARY = 12;

  private final SearchSpace space;
  private final List<Term> terms;
  private final List<Pair> pairs;
  private final double noise;
  private final double failRate;
  private final String divergent;
  private final double divergeAbove;

  /** One parameter's contribution. */
  private record Term(String path, Parameter p, double weight, int type, double[] c, double[] knots) {}

  /** One interaction between two parameters. */
  private record Pair(String a, String b, double weight, int type, double[] c) {}

  private SimulatedObjective(SearchSpace space, List<Term> terms, List<Pair> pairs, double noise, double failRate,
      String divergent, double divergeAbove) {
    this.space = space;
    this.terms = terms;
    this.pairs = pairs;
    this.noise = noise;
    this.failRate = failRate;
    this.divergent = divergent;
    this.divergeAbove = divergeAbove;
  }

  public SearchSpace space() {
    return space;
  }

  /** Draws an objective; the same seed gives the same objective. */
  public static SimulatedObjective generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Parameter> params = new ArrayList<>();
    int primary = 1 + r.nextInt(MAX_PRIMARY);
    for (int i = 0; i < primary; i++) {
      params.add(Parameter.of("p" + i, distribution(r)));
    }
    if (r.nextDouble() < 0.35) {
      int branches = 2 + r.nextInt(2);
      params.add(Parameter.of("group", new ChoiceDistribution(branches)));
      for (int b = 0; b < branches; b++) {
        int size = 1 + r.nextInt(3);
        for (int j = 0; j < size; j++) {
          Parameter plain = Parameter.of("group.b" + b + "_" + j, distribution(r));
          params.add(new Parameter(plain.path(), plain.nestedPath(), plain.distribution(), new Condition("group", b)));
        }
      }
    }
    SearchSpace space = new SearchSpace(params);
    List<Term> terms = new ArrayList<>();
    List<Parameter> numeric = new ArrayList<>();
    for (Parameter p : params) {
      double[] c = new double[6];
      for (int k = 0; k < c.length; k++) {
        c[k] = r.nextDouble();
      }
      double[] knots = new double[4 + r.nextInt(6)];
      for (int k = 0; k < knots.length; k++) {
        knots[k] = r.nextDouble();
      }
      int type = r.nextInt(7);
      if (p.distribution() instanceof NumberDistribution n && n.isLog() && r.nextDouble() < 0.7) {
        type = 7; // a sharp optimum in log space, like a learning rate
      }
      terms.add(new Term(p.path(), p, r.nextDouble(), type, c, knots));
      if (!(p.distribution() instanceof ChoiceDistribution)) {
        numeric.add(p);
      }
    }
    List<Pair> pairs = new ArrayList<>();
    double pi = 0.1 + 0.3 * r.nextDouble();
    for (int i = 0; i < numeric.size(); i++) {
      for (int j = i + 1; j < numeric.size(); j++) {
        if (r.nextDouble() < pi) {
          double[] c = new double[5];
          for (int k = 0; k < c.length; k++) {
            c[k] = r.nextDouble();
          }
          double w = 3 * r.nextDouble();
          pairs.add(new Pair(numeric.get(i).path(), numeric.get(j).path(), w * w, r.nextInt(3), c));
        }
      }
    }
    double noise = 1.01 + 0.24 * r.nextDouble();
    double failRate = 0.08 * r.nextDouble();
    String divergent = null;
    double above = 1;
    if (r.nextDouble() < 0.3 && !numeric.isEmpty()) {
      divergent = numeric.get(r.nextInt(numeric.size())).path();
      above = 0.75 + 0.2 * r.nextDouble();
    }
    return new SimulatedObjective(space, terms, pairs, noise, failRate, divergent, above);
  }

  private static io.hypermax.core.space.Distribution distribution(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0, 1 -> NumberDistribution.uniform(0, 1);
      case 2 -> NumberDistribution.logUniform(1e-5, 1);
      case 3 -> NumberDistribution.integer(0, 2 + r.nextInt(30), false);
      case 4 -> CategoricalDistribution.of(List.of("a", "b", "c", "d", "e").subList(0, 3 + r.nextInt(3)));
      default -> CategoricalDistribution.booleans();
    };
  }

  /** A parameter value on [0, 1]; categoricals get a fixed pseudo-random position per value. */
  private static double unit(Parameter p, Object value, double[] c) {
    var d = p.distribution();
    double x = d.toInternal(value);
    if (d instanceof CategoricalDistribution cat) {
      int idx = (int) x;
      return c[(idx * 7 + 3) % c.length] * 0.999 + 0.0005 * idx;
    }
    double lo = d.internalLow();
    double hi = d.internalHigh();
    return hi > lo ? (x - lo) / (hi - lo) : 0;
  }

  /** The noiseless loss in [0, 1]; NaN when the trial diverges (a failure). */
  public double trueLoss(Assignment a) {
    double sum = 0;
    double weights = 0;
    java.util.Map<String, Double> u = new java.util.HashMap<>();
    for (Term t : terms) {
      Object v = a.get(t.path);
      if (v == null) {
        continue;
      }
      double x = unit(t.p, v, t.c);
      u.put(t.path, x);
      sum += t.weight * contribution(t, x);
      weights += t.weight;
    }
    if (divergent != null && u.containsKey(divergent) && u.get(divergent) > divergeAbove) {
      return Double.NaN;
    }
    for (Pair p : pairs) {
      Double x = u.get(p.a);
      Double y = u.get(p.b);
      if (x == null || y == null) {
        continue;
      }
      sum += p.weight * interaction(p, x, y);
      weights += p.weight;
    }
    return weights == 0 ? 0 : sum / weights;
  }

  /** An evaluation: noisy loss, or NaN for a failure (divergence or a random one). */
  public double evaluate(Assignment a, SplittableRandom r) {
    double loss = trueLoss(a);
    double u = r.nextDouble();
    double fail = r.nextDouble();
    if (Double.isNaN(loss) || fail < failRate) {
      return Double.NaN;
    }
    return loss * (1 + (noise - 1) * u);
  }

  private static double contribution(Term t, double x) {
    double[] c = t.c;
    return switch (t.type) {
      case 0 -> c[0] + (c[1] - c[0]) * x;
      case 1, 5 -> { // peak or valley
        double g = Math.sin(3.14 * x - c[0]) / 2 + 0.5;
        yield c[1] < 0.5 ? g : 1 - g;
      }
      case 2, 6 -> { // exponential
        double s = Math.pow(2 + 28 * c[0], 3);
        double uu = c[1] < 0.5 ? x : 1 - x;
        double h = 0.3 * c[2];
        double f = c[3] < 0.5 ? (Math.pow(s, uu) + h) / s : 1 - (Math.pow(s, uu) / s + h);
        yield clamp01(f);
      }
      case 3 -> { // logarithmic
        double s = Math.pow(3 + 27 * c[0], 2);
        double uu = c[1] < 0.5 ? x : 1 - x;
        double g = 1 - Math.log((s - 1) * uu + 1) / Math.log(s);
        yield clamp01(c[2] < 0.5 ? g : 1 - g);
      }
      case 7 -> { // narrow valley around a point (log-scaled rates)
        double centre = 0.2 + 0.6 * c[0];
        double width = 0.05 + 0.15 * c[1];
        double d = (x - centre) / width;
        yield 1 - Math.exp(-0.5 * d * d);
      }
      default -> { // piecewise linear through random knots
        double[] k = t.knots;
        double pos = x * (k.length - 1);
        int i = Math.min(k.length - 2, (int) Math.floor(pos));
        yield k[i] + (k[i + 1] - k[i]) * (pos - i);
      }
    };
  }

  private static double interaction(Pair p, double x, double y) {
    double[] c = p.c;
    return switch (p.type) {
      case 0 -> { // bilinear ramp
        double xs = c[0] < 0.5 ? 0 : c[1];
        double xe = c[0] < 0.5 ? c[1] : 0;
        double ys = c[2] < 0.5 ? 1 : c[3];
        double ye = c[2] < 0.5 ? c[3] : 1;
        double norm = Math.max(xs, xe) * Math.max(ys, ye);
        yield norm == 0 ? 0 : clamp01((xs + (xe - xs) * x) * (ys + (ye - ys) * y) / norm);
      }
      case 1 -> { // Gaussian bump or dip
        double sigma = 0.5 + 3.5 * c[2];
        double dx = (x - c[0]) * sigma;
        double dy = (y - c[1]) * sigma;
        double b = Math.exp(-0.5 * (dx * dx + dy * dy)) / (2 * Math.PI) * 7;
        yield c[3] < 0.5 ? clamp01(b) : clamp01(1 - b);
      }
      default -> { // wave
        double s = 6 * Math.PI;
        yield (Math.sin(x * (0.1 + s * c[0]) + s * c[1]) + 1) * (Math.sin(y * (0.1 + s * c[2]) + s * c[3]) + 1) / 4;
      }
    };
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
