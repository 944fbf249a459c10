package io.hypermax.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import io.hypermax.core.stability.API;

/**
 * A node of a configuration together with its file and dotted path, so every validation error
 * can say exactly where it is. Plugins receive their section as a ConfigNode and read typed
 * values from it; every getter reports a wrong type with the node's path.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ConfigNode {
  private final String file;
  private final String path;
  private final JsonNode node;

  public ConfigNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node == null ? MissingNode.getInstance() : node;
  }

  public static ConfigNode empty(String file, String path) {
    return new ConfigNode(file, path, MissingNode.getInstance());
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  public JsonNode json() {
    return node;
  }

  public boolean isMissing() {
    return node.isMissingNode() || node.isNull();
  }

  public boolean isObject() {
    return node.isObject();
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public ConfigNode get(String key) {
    return new ConfigNode(file, childPath(key), node.get(key));
  }

  public ConfigNode get(int index) {
    return new ConfigNode(file, path + "[" + index + "]", node.get(index));
  }

  public int size() {
    return node.size();
  }

  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  public List<ConfigNode> elements() {
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(get(i));
    }
    return out;
  }

  private String childPath(String key) {
    return path == null || path.isEmpty() ? key : path + "." + key;
  }

  public ConfigException error(String problem) {
    return new ConfigException(file, path, problem);
  }

  /** Fails when this node has a key outside {@code allowed}; suggests the closest allowed key. */
  public void requireKnownKeys(Collection<String> allowed) {
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (!allowed.contains(key)) {
        String hint = closest(key, allowed).map(k -> " (did you mean '" + k + "'?)").orElse("");
        throw new ConfigException(
            file,
            childPath(key),
            "unknown key '" + key + "'" + hint + "; allowed here: " + new TreeSet<>(allowed));
      }
    }
  }

  public ConfigNode requireObject() {
    if (!node.isObject()) {
      throw error("must be an object, found " + describe(node));
    }
    return this;
  }

  public Optional<String> optString(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isTextual()) {
      throw get(key).error("must be a string, found " + describe(v));
    }
    return Optional.of(v.asText());
  }

  public String string(String key, String defaultValue) {
    return optString(key).orElse(defaultValue);
  }

  public String requireString(String key) {
    return optString(key).orElseThrow(() -> error("missing required key '" + key + "'"));
  }

  public Optional<Double> optDouble(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isNumber()) {
      throw get(key).error("must be a number, found " + describe(v));
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw get(key).error("must be a finite number");
    }
    return Optional.of(d);
  }

  public double number(String key, double defaultValue) {
    return optDouble(key).orElse(defaultValue);
  }

  public Optional<Long> optLong(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
      throw get(key).error("must be an integer, found " + describe(v));
    }
    if (v.isBigInteger() || Math.abs(v.asDouble()) > 9.2e18) {
      throw get(key).error("is too large, found " + v.asText());
    }
    return Optional.of(v.asLong());
  }

  public int integer(String key, int defaultValue) {
    return optLong(key)
        .map(
            v -> {
              if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw get(key).error("is too large, found " + v + " (at most " + Integer.MAX_VALUE + ")");
              }
              return v.intValue();
            })
        .orElse(defaultValue);
  }

  public int positiveInteger(String key, int defaultValue) {
    int value = integer(key, defaultValue);
    if (value < 1) {
      throw get(key).error("must be at least 1, found " + value);
    }
    return value;
  }

  public Optional<Boolean> optBoolean(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw get(key).error("must be true or false, found " + describe(v));
    }
    return Optional.of(v.asBoolean());
  }

  public boolean bool(String key, boolean defaultValue) {
    return optBoolean(key).orElse(defaultValue);
  }

  /** A string that must be one of {@code allowed}. */
  public String choice(String key, String defaultValue, Set<String> allowed) {
    String value = string(key, defaultValue);
    if (value != null && !allowed.contains(value)) {
      throw get(key).error("'" + value + "' is not one of " + new TreeSet<>(allowed));
    }
    return value;
  }

  public ObjectNode asObjectNode() {
    return (ObjectNode) node;
  }

  public static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isTextual()) {
      return "the string \"" + v.asText() + "\"";
    }
    if (v.isBoolean()) {
      return "the boolean " + v.asText();
    }
    if (v.isNull()) {
      return "null";
    }
    return v.toString();
  }

  /** The candidate nearest to {@code key} by edit distance, if near enough to be a likely typo. */
  public static Optional<String> closest(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(key.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(2, key.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public String toString() {
    return (file == null ? "" : file + ":") + path + "=" + node;
  }
}
