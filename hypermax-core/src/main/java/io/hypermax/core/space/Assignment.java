package io.hypermax.core.space;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import io.hypermax.core.stability.API;

/**
 * Values of the parameters that are active in one trial, keyed by dotted path, including the
 * branch index of every choice taken. Inactive parameters are absent: that is what "inactive"
 * means everywhere in hypermax.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Assignment {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final Map<String, Object> values;
  // Computed once: optimizers compare keys of the whole history at every suggestion.
  private volatile String key;

  public Assignment(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Assignment empty() {
    return new Assignment(Map.of());
  }

  /** Flat view: dotted path to value, active parameters only, in space order. */
  public Map<String, Object> values() {
    return values;
  }

  public Object get(String path) {
    return values.get(path);
  }

  public boolean isActive(String path) {
    return values.containsKey(path);
  }

  public Assignment with(String path, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(path, value);
    return new Assignment(copy);
  }

  /**
   * A canonical string of the active values (sorted keys, numbers normalised), so two assignments
   * of the same configuration have the same key. Used to avoid re-proposing a configuration.
   */
  public String key() {
    String k = key;
    if (k == null) {
      k = computeKey();
      key = k;
    }
    return k;
  }

  private String computeKey() {
    Map<String, Object> sorted = new TreeMap<>();
    values.forEach((k, v) -> sorted.put(k, v instanceof Number n ? n.doubleValue() : v));
    try {
      return CANONICAL.writeValueAsString(sorted);
    } catch (Exception e) {
      return sorted.toString();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Assignment a && key().equals(a.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
