package io.hypermax.optimizers.internal.atpe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.hypermax.core.stability.API;

/**
 * The learned policy: a k-nearest-neighbour lookup over labelled history states. Each stored state
 * is a standardised feature vector with, per action, how that action did over the trials that
 * followed it (0 = best of the catalogue, 1 = worst; rank-based). The policy averages the values of
 * the {@code k} nearest states and picks the action with the lowest mean among those that can run
 * here. The neighbours' mean is shrunk towards the mean over all stored states ({@code prior}) with
 * weight {@code priorWeight} (in neighbour counts), so a sparse neighbourhood defers to what works
 * on average. Pure Java, deterministic (ties by index); read once per study.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PolicyModel {
  public static final String FORMAT = "hypermax-atpe-policy";
  public static final String RESOURCE = "/io/hypermax/optimizers/internal/atpe/atpe-policy.json";

  private final String version;
  private final List<AtpeAction> actions;
  private final double[] means;
  private final double[] scales;
  private final int k;
  private final double[][] states;
  private final double[][] values;
  private final double[] prior;
  private final double priorWeight;

  public PolicyModel(
      String version, List<AtpeAction> actions, double[] means, double[] scales, int k, double priorWeight,
      double[][] states, double[][] values) {
    this.version = version;
    this.actions = List.copyOf(actions);
    this.means = means;
    this.scales = scales;
    this.k = k;
    this.states = states;
    this.values = values;
    this.priorWeight = priorWeight;
    if (!(priorWeight >= 0)) {
      throw new IllegalArgumentException("the model's prior_weight must be >= 0, found " + priorWeight);
    }
    this.prior = new double[actions.size()];
    for (double[] row : values) {
      for (int a = 0; a < prior.length && a < row.length; a++) {
        prior[a] += row[a] / values.length;
      }
    }
    int f = HistoryFeatures.NAMES.size();
    if (means.length != f || scales.length != f) {
      throw new IllegalArgumentException("the model has " + means.length + " feature means, expected " + f);
    }
    if (k < 1 || states.length == 0 || states.length != values.length) {
      throw new IllegalArgumentException("the model has k=" + k + ", " + states.length + " states and "
          + values.length + " value rows");
    }
    for (int i = 0; i < states.length; i++) {
      if (states[i].length != f || values[i].length != actions.size()) {
        throw new IllegalArgumentException("state " + i + " has " + states[i].length + " features and "
            + values[i].length + " action values, expected " + f + " and " + actions.size());
      }
    }
  }

  public String version() {
    return version;
  }

  public List<AtpeAction> actions() {
    return actions;
  }

  public int k() {
    return k;
  }

  public double priorWeight() {
    return priorWeight;
  }

  /** The index of the action to take for raw (unscaled) {@code features}, among {@code usable} ones. */
  public int choose(double[] features, boolean[] usable) {
    double[] mean = meanValues(features);
    int best = -1;
    for (int a = 0; a < mean.length; a++) {
      if (usable[a] && (best < 0 || mean[a] < mean[best])) {
        best = a;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("atpe: none of the model's actions can run here");
    }
    return best;
  }

  /** The mean action values of the k nearest states. */
  public double[] meanValues(double[] features) {
    double[] z = new double[features.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (features[i] - means[i]) / scales[i];
    }
    int kk = Math.min(k, states.length);
    int[] nearest = new int[kk];
    double[] dist = new double[kk];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    for (int s = 0; s < states.length; s++) {
      double d = 0;
      double[] st = states[s];
      for (int i = 0; i < z.length; i++) {
        double diff = z[i] - st[i];
        d += diff * diff;
      }
      if (d < dist[kk - 1]) {
        int at = kk - 1;
        while (at > 0 && dist[at - 1] > d) { // strictly greater: equal distances keep the lower index first
          dist[at] = dist[at - 1];
          nearest[at] = nearest[at - 1];
          at--;
        }
        dist[at] = d;
        nearest[at] = s;
      }
    }
    double[] mean = new double[actions.size()];
    for (int a = 0; a < mean.length; a++) {
      double sum = priorWeight * prior[a];
      for (int s : nearest) {
        sum += values[s][a];
      }
      mean[a] = sum / (kk + priorWeight);
    }
    return mean;
  }

  /** The model shipped in the jar. */
  public static PolicyModel bundled() throws IOException {
    try (InputStream in = PolicyModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " is missing");
      }
      return read(JsonValues.MAPPER.readTree(in));
    }
  }

  public static PolicyModel read(java.nio.file.Path file) throws IOException {
    return read(JsonValues.MAPPER.readTree(file.toFile()));
  }

  /** Parses a model; any missing or inconsistent part is an {@link IOException} saying which. */
  public static PolicyModel read(JsonNode n) throws IOException {
    try {
      if (n == null || !FORMAT.equals(n.path("format").asText())) {
        throw new IOException("not a " + FORMAT + " file (field 'format')");
      }
      List<String> names = new ArrayList<>();
      n.path("features").forEach(x -> names.add(x.asText()));
      if (!names.equals(HistoryFeatures.NAMES)) {
        throw new IOException("its features " + names + " are not this version's " + HistoryFeatures.NAMES);
      }
      List<AtpeAction> actions = new ArrayList<>();
      for (JsonNode a : n.path("actions")) {
        actions.add(JsonValues.MAPPER.treeToValue(a, AtpeAction.class));
      }
      return new PolicyModel(
          n.path("version").asText(), actions, vector(n.path("means")), vector(n.path("scales")),
          n.path("k").asInt(), n.path("prior_weight").asDouble(0), matrix(n.path("states")),
          matrix(n.path("values")));
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  public ObjectNode toJson() {
    ObjectNode n = JsonValues.MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("version", version);
    ArrayNode f = n.putArray("features");
    HistoryFeatures.NAMES.forEach(f::add);
    n.set("means", JsonValues.MAPPER.valueToTree(means));
    n.set("scales", JsonValues.MAPPER.valueToTree(scales));
    n.put("k", k);
    n.put("prior_weight", priorWeight);
    n.set("actions", JsonValues.MAPPER.valueToTree(actions));
    n.set("states", JsonValues.MAPPER.valueToTree(states));
    n.set("values", JsonValues.MAPPER.valueToTree(values));
    return n;
  }

  private static double[] vector(JsonNode a) throws IOException {
    if (!a.isArray()) {
      throw new IOException("expected an array of numbers");
    }
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new IOException("expected a number, found " + a.get(i));
      }
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  private static double[][] matrix(JsonNode a) throws IOException {
    if (!a.isArray()) {
      throw new IOException("expected an array of rows");
    }
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(a.get(i));
    }
    return m;
  }
}
