package io.hypermax.core.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import io.hypermax.core.stability.API;

/**
 * One guidance record, as written to the journal and to the inbox:
 *
 * <pre>
 * {"event":"guidance","v":1,"id":"...","at":"...","source":"cli","action":"lock","param":"lr","value":0.01}
 * {"event":"guidance","v":1,...,"action":"narrow","param":"lr","min":0.001,"max":0.1}
 * </pre>
 *
 * {@code v} is the record's own format version: a reader refuses a newer one rather than ignore a lock.
 *
 * @param id unique per request, so an inbox line applied once is never applied again after a resume
 * @param source who asked: {@code cli} (hypermax guide), {@code ui} (the console UI), {@code web}, ...
 * @param value the locked value (LOCK only), typed as the function receives it
 * @param min lower end of a NARROW (NaN otherwise)
 * @param max upper end of a NARROW (NaN otherwise)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record GuidanceEvent(
    String id, Instant at, String source, GuidanceAction action, String parameter, Object value, double min, double max) {
  public static final String EVENT = "guidance";
  public static final int VERSION = 1;

  public GuidanceEvent {
    Objects.requireNonNull(id);
    Objects.requireNonNull(at);
    Objects.requireNonNull(action);
    Objects.requireNonNull(parameter);
    source = source == null ? "unknown" : source;
  }

  public static GuidanceEvent lock(String parameter, Object value, String source) {
    return new GuidanceEvent(newId(), Instant.now(), source, GuidanceAction.LOCK, parameter, value, Double.NaN, Double.NaN);
  }

  public static GuidanceEvent unlock(String parameter, String source) {
    return new GuidanceEvent(newId(), Instant.now(), source, GuidanceAction.UNLOCK, parameter, null, Double.NaN, Double.NaN);
  }

  public static GuidanceEvent scramble(String parameter, String source) {
    return new GuidanceEvent(newId(), Instant.now(), source, GuidanceAction.SCRAMBLE, parameter, null, Double.NaN, Double.NaN);
  }

  public static GuidanceEvent narrow(String parameter, double min, double max, String source) {
    return new GuidanceEvent(newId(), Instant.now(), source, GuidanceAction.NARROW, parameter, null, min, max);
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  /** True for a journal or inbox record of this kind. */
  public static boolean isGuidance(JsonNode n) {
    return EVENT.equals(n.path("event").asText(null));
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonValues.MAPPER.createObjectNode();
    o.put("event", EVENT);
    o.put("v", VERSION);
    o.put("id", id);
    o.put("at", at.toString());
    o.put("source", source);
    o.put("action", action.word());
    o.put("param", parameter);
    if (action == GuidanceAction.LOCK) {
      o.set("value", JsonValues.MAPPER.valueToTree(value));
    }
    if (action == GuidanceAction.NARROW) {
      o.put("min", min);
      o.put("max", max);
    }
    return o;
  }

  /**
   * Reads a record written by {@link #toJson}.
   *
   * @throws IllegalArgumentException naming what is wrong (a newer {@code v}, a missing field)
   */
  public static GuidanceEvent fromJson(JsonNode n) {
    int v = n.path("v").asInt(1);
    if (v > VERSION) {
      throw new IllegalArgumentException(
          "a guidance record of format " + v + " (this hypermax reads up to " + VERSION + "); use a newer hypermax");
    }
    GuidanceAction action = GuidanceAction.parse(text(n, "action"));
    Object value = action == GuidanceAction.LOCK ? JsonValues.toJava(n.get("value")) : null;
    if (action == GuidanceAction.LOCK && value == null) {
      throw new IllegalArgumentException("a lock record without \"value\"");
    }
    double min = action == GuidanceAction.NARROW ? number(n, "min") : Double.NaN;
    double max = action == GuidanceAction.NARROW ? number(n, "max") : Double.NaN;
    return new GuidanceEvent(
        text(n, "id"), Instant.parse(text(n, "at")), n.path("source").asText("unknown"), action, text(n, "param"), value, min, max);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("a guidance record without \"" + key + "\"");
    }
    return v.asText();
  }

  private static double number(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("a narrow record without a number \"" + key + "\"");
    }
    return v.asDouble();
  }

  /** For people: {@code lock lr = 0.01}, {@code narrow lr to [0.001, 0.1]}. */
  public String describe() {
    return switch (action) {
      case LOCK -> "lock " + parameter + " = " + value;
      case UNLOCK -> "unlock " + parameter;
      case SCRAMBLE -> "scramble " + parameter;
      case NARROW -> "narrow " + parameter + " to [" + min + ", " + max + "]";
    };
  }
}
