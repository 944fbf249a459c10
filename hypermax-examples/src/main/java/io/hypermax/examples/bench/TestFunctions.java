package io.hypermax.examples.bench;

import java.util.Map;

/** The test functions of the suite: each one's space, formula and known minimum in one place. */
final class TestFunctions {
  private TestFunctions() {}

  /** A space of {@code d} uniform numbers x1..xd in [low, high]. */
  static String box(int d, double low, double high) {
    StringBuilder sb = new StringBuilder("{\"type\": \"object\", \"properties\": {");
    for (int i = 1; i <= d; i++) {
      sb.append(i > 1 ? ", " : "")
          .append("\"x").append(i).append("\": {\"type\": \"number\", \"min\": ").append(low)
          .append(", \"max\": ").append(high).append('}');
    }
    return sb.append("}}").toString();
  }

  static double[] vector(Map<String, Object> p, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = ((Number) p.get("x" + (i + 1))).doubleValue();
    }
    return x;
  }

  private static double num(Map<String, Object> p, String key) {
    return ((Number) p.get(key)).doubleValue();
  }

  static BenchmarkProblem branin() {
    String space =
        "{\"type\": \"object\", \"properties\": {\"x1\": {\"type\": \"number\", \"min\": -5, \"max\": 10},"
            + " \"x2\": {\"type\": \"number\", \"min\": 0, \"max\": 15}}}";
    return BenchmarkProblem.of("branin", "Branin, 2-d", space, p -> {
      double x1 = num(p, "x1");
      double x2 = num(p, "x2");
      double b = 5.1 / (4 * Math.PI * Math.PI);
      double c = 5 / Math.PI;
      double t = 1 / (8 * Math.PI);
      double u = x2 - b * x1 * x1 + c * x1 - 6;
      return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }, 5 / (4 * Math.PI));
  }

  private static final double[] H6_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] H6_A = {
    {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] H6_P = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  static BenchmarkProblem hartmann6() {
    return BenchmarkProblem.of("hartmann6", "Hartmann, 6-d", box(6, 0, 1), p -> {
      double[] x = vector(p, 6);
      double total = 0;
      for (int i = 0; i < 4; i++) {
        double inner = 0;
        for (int j = 0; j < 6; j++) {
          inner += H6_A[i][j] * (x[j] - H6_P[i][j]) * (x[j] - H6_P[i][j]);
        }
        total += H6_ALPHA[i] * Math.exp(-inner);
      }
      return -total;
    }, -3.3223680114155147);
  }

  static BenchmarkProblem rosenbrock10() {
    return BenchmarkProblem.of("rosenbrock10", "Rosenbrock, 10-d", box(10, -5, 10), p -> {
      double[] x = vector(p, 10);
      double f = 0;
      for (int i = 0; i < 9; i++) {
        double a = x[i + 1] - x[i] * x[i];
        f += 100 * a * a + (x[i] - 1) * (x[i] - 1);
      }
      return f;
    }, 0);
  }

  static BenchmarkProblem ackley10() {
    return BenchmarkProblem.of("ackley10", "Ackley, 10-d", box(10, -32.768, 32.768), p -> {
      double[] x = vector(p, 10);
      double s1 = 0;
      double s2 = 0;
      for (double v : x) {
        s1 += v * v;
        s2 += Math.cos(2 * Math.PI * v);
      }
      return -20 * Math.exp(-0.2 * Math.sqrt(s1 / 10)) - Math.exp(s2 / 10) + 20 + Math.E;
    }, 0);
  }

  static BenchmarkProblem levy10() {
    return BenchmarkProblem.of("levy10", "Levy, 10-d", box(10, -10, 10), p -> {
      double[] x = vector(p, 10);
      double[] w = new double[10];
      for (int i = 0; i < 10; i++) {
        w[i] = 1 + (x[i] - 1) / 4;
      }
      double f = Math.pow(Math.sin(Math.PI * w[0]), 2);
      for (int i = 0; i < 9; i++) {
        f += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
      }
      f += (w[9] - 1) * (w[9] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[9]), 2));
      return f;
    }, 0);
  }

  /** The 1-d minimiser of Styblinski-Tang: the root of 4x^3 - 32x + 5 near -2.9035 (Newton). */
  static double styblinskiTangRoot() {
    double x = -2.9035;
    for (int i = 0; i < 50; i++) {
      x -= (4 * x * x * x - 32 * x + 5) / (12 * x * x - 32);
    }
    return x;
  }

  static BenchmarkProblem styblinskiTang10() {
    double r = styblinskiTangRoot();
    double min = 10 * 0.5 * (Math.pow(r, 4) - 16 * r * r + 5 * r);
    return BenchmarkProblem.of("styblinski_tang10", "Styblinski-Tang, 10-d", box(10, -5, 5), p -> {
      double f = 0;
      for (double v : vector(p, 10)) {
        f += v * v * v * v - 16 * v * v + 5 * v;
      }
      return 0.5 * f;
    }, min);
  }

  static BenchmarkProblem rastrigin10() {
    return BenchmarkProblem.of("rastrigin10", "Rastrigin, 10-d", box(10, -5.12, 5.12), p -> {
      double f = 100;
      for (double v : vector(p, 10)) {
        f += v * v - 10 * Math.cos(2 * Math.PI * v);
      }
      return f;
    }, 0);
  }

  static BenchmarkProblem sphere5() {
    return BenchmarkProblem.of("sphere5", "Sphere, 5-d (the timing problem)", box(5, -5, 5), p -> {
      double f = 0;
      for (double v : vector(p, 5)) {
        f += v * v;
      }
      return f;
    }, 0);
  }

  private static final int[] INTQUAD_T = {3, -2, 7, 0, -5};

  static BenchmarkProblem intquad() {
    StringBuilder space = new StringBuilder("{\"type\": \"object\", \"properties\": {");
    for (int k = 1; k <= 5; k++) {
      space.append("\"i").append(k).append("\": {\"type\": \"integer\", \"min\": -10, \"max\": 10}, ");
    }
    space.append("\"j\": {\"type\": \"integer\", \"min\": 1, \"max\": 1024, \"scaling\": \"logarithmic\"}, ")
        .append("\"q\": {\"type\": \"number\", \"min\": -5, \"max\": 5, \"rounding\": 0.5}}}");
    return BenchmarkProblem.of("intquad", "integers, a log-scaled integer and a rounded number, 7-d", space.toString(), p -> {
      double f = 0;
      for (int k = 0; k < 5; k++) {
        double d = num(p, "i" + (k + 1)) - INTQUAD_T[k];
        f += d * d;
      }
      double c = num(p, "i1") - num(p, "i2") - 5;
      f += c * c;
      double lj = Math.log(num(p, "j")) / Math.log(2) - 6;
      f += 4 * lj * lj;
      double q = num(p, "q") - 1.5;
      return f + q * q;
    }, 0);
  }

  static BenchmarkProblem mixed() {
    String space =
        """
        {"type": "object", "properties": {"model": {"anyOf": [
          {"type": "object", "properties": {
            "name": {"constant": "svm"},
            "C": {"type": "number", "min": 0.001, "max": 1000, "scaling": "logarithmic"},
            "gamma": {"type": "number", "min": 0.0001, "max": 10, "scaling": "logarithmic"}}},
          {"type": "object", "properties": {
            "name": {"constant": "rf"},
            "n_estimators": {"type": "integer", "min": 10, "max": 1000, "scaling": "logarithmic"},
            "max_depth": {"type": "integer", "min": 1, "max": 30}}},
          {"type": "object", "properties": {
            "name": {"constant": "knn"},
            "k": {"type": "integer", "min": 1, "max": 50},
            "weights": {"type": "string", "enum": ["uniform", "distance"]}}}]}}}
        """;
    return BenchmarkProblem.of("mixed", "a choice of three models with log-scaled and integer children", space, TestFunctions::mixedObjective, 0.05);
  }

  @SuppressWarnings("unchecked")
  static double mixedObjective(Map<String, Object> p) {
    Map<String, Object> m = (Map<String, Object>) p.get("model");
    switch ((String) m.get("name")) {
      case "svm" -> {
        double u = Math.log10(num(m, "C")) - 1.5;
        double v = Math.log10(num(m, "gamma")) + 2;
        return 0.05 + 0.05 * (u * u + v * v + 0.8 * u * v);
      }
      case "rf" -> {
        double n = Math.log10(num(m, "n_estimators") / 300);
        double d = num(m, "max_depth") - 12;
        return 0.08 + 0.04 * n * n + 0.001 * d * d;
      }
      default -> {
        double k = num(m, "k") - 7;
        return 0.12 + 0.0004 * k * k + ("uniform".equals(m.get("weights")) ? 0.02 : 0);
      }
    }
  }
}
