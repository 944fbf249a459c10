package io.hypermax.core.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Encodes {@link JournalEvent}s as one JSON object per line and decodes them, checking the format
 * version. Format version 2 (version 1 is read as well: it is version 2 without PRUNED trials):
 *
 * <pre>
 * {"event":"study","version":2,"seed":42,"created":"..."}
 * {"event":"start","trial":0,"params":{...flat...},"start":"...","metadata":{...}}
 * {"event":"end","trial":0,"status":"COMPLETE","loss":0.12,"time":1.5,"metadata":{...},"error":"...",
 *  "log":"...","usage":{...},"objectives":{"f1":0.3,"f2":0.7},"end":"..."}
 * {"event":"intermediate","trial":0,"step":3,"value":0.5}
 * {"event":"prune","trial":0,"step":3}         (a pruner's decision; a custom event to the codec, read by the Study)
 * {"event":"guidance","v":1,"id":"...","at":"...","source":"cli","action":"lock","param":"lr","value":0.01}
 * {"event":"&lt;anything else&gt;", ...}       (custom: kept as written)
 * </pre>
 *
 * Non-finite numbers are written as the strings "Infinity"/"-Infinity" and NaN is left out, so
 * every line is strict JSON. {@code objectives} (a Pareto study's vector of values to minimise, one
 * per metric) appears only when the result has one; a record without it decodes to an empty vector,
 * so journals written before it existed replay unchanged. The same holds for a start's {@code metadata} (what the
 * optimizer said about the suggestion, e.g. {@code atpe.action}; written only when there is some): a re-run after a
 * crash gets it back, a start without it has none.
 *
 * <p>Version 2 added the status PRUNED (a trial a pruner stopped: its loss is its last reported value,
 * its metadata has {@code pruned_at_step}). A hypermax that knows only version 1 refuses such a journal
 * with a clear message instead of failing on the unknown status.
 * <p>{@code guidance} records (a person's lock, unlock, scramble or narrow, see
 * {@link io.hypermax.core.guidance.GuidanceEvent}) carry their own format version {@code v}; they are
 * checked here and kept, like custom records, in {@link StoredStudy#customEvents()}, so journals
 * without them read as before and readers that predate them skip them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class JournalCodec {
  /** The newest format this hypermax writes and reads. */
  public static final int VERSION = 2;

  private static final ObjectMapper MAPPER = JsonValues.MAPPER;

  private JournalCodec() {}

  /** One line of JSON, without the newline. */
  public static String encode(JournalEvent event) {
    if (event instanceof JournalEvent.Custom c) {
      try {
        return MAPPER.writeValueAsString(c.json());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // Streaming, not a tree per event: this runs once or twice per trial.
    SegmentedStringWriter w = new SegmentedStringWriter(MAPPER.getFactory()._getBufferRecycler());
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
      g.setCodec(MAPPER);
      g.writeStartObject();
      if (event instanceof JournalEvent.StudyStarted s) {
        g.writeStringField("event", "study");
        g.writeNumberField("version", s.version());
        g.writeNumberField("seed", s.seed());
        g.writeStringField("created", s.created().toString());
      } else if (event instanceof JournalEvent.TrialStarted s) {
        g.writeStringField("event", "start");
        g.writeNumberField("trial", s.trial());
        g.writeFieldName("params");
        g.writeObject(s.params());
        g.writeStringField("start", s.start().toString());
        if (!s.metadata().isEmpty()) {
          g.writeFieldName("metadata");
          g.writeObject(s.metadata());
        }
      } else if (event instanceof JournalEvent.TrialEnded e) {
        writeEnd(g, e);
      } else if (event instanceof JournalEvent.IntermediateValue v) {
        g.writeStringField("event", "intermediate");
        g.writeNumberField("trial", v.trial());
        g.writeNumberField("step", v.step());
        writeDouble(g, "value", v.value());
      }
      g.writeEndObject();
      g.flush();
      return w.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeEnd(JsonGenerator g, JournalEvent.TrialEnded e) throws IOException {
    TrialResult r = e.result();
    g.writeStringField("event", "end");
    g.writeNumberField("trial", e.trial());
    g.writeStringField("status", r.status().name());
    writeDouble(g, "loss", r.loss());
    writeDouble(g, "time", r.time());
    if (!r.metadata().isEmpty()) {
      g.writeFieldName("metadata");
      g.writeObject(r.metadata());
    }
    if (r.error() != null) {
      g.writeStringField("error", r.error());
    }
    if (r.log() != null) {
      g.writeStringField("log", r.log());
    }
    g.writeObjectFieldStart("usage");
    writeDouble(g, "peak_rss_mib", r.usage().peakRssMiB());
    writeDouble(g, "cpu_seconds", r.usage().cpuSeconds());
    writeDouble(g, "wall_seconds", r.usage().wallSeconds());
    writeDouble(g, "allocated_mib", r.usage().allocatedMiB());
    g.writeEndObject();
    if (r.hasObjectives()) {
      g.writeObjectFieldStart("objectives");
      for (Map.Entry<String, Double> o : r.objectives().entrySet()) {
        writeDouble(g, o.getKey(), o.getValue());
      }
      g.writeEndObject();
    }
    g.writeStringField("end", e.end().toString());
  }

  private static void writeDouble(JsonGenerator g, String key, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(key, v);
    } else if (!Double.isNaN(v)) {
      g.writeStringField(key, v > 0 ? "Infinity" : "-Infinity");
    }
  }

  /**
   * Decodes one line.
   *
   * @param where names the file and line in error messages
   * @throws JournalVersionException for a study record of a newer format
   * @throws IllegalArgumentException for a line that is not a journal record
   */
  public static JournalEvent decode(String line, String where) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " is not JSON", e);
    }
    if (!(n instanceof ObjectNode o) || !n.path("event").isTextual()) {
      throw new IllegalArgumentException(where + " is not a journal record (no \"event\")");
    }
    try {
      return switch (n.get("event").asText()) {
        case "study" -> {
          int version = n.path("version").asInt(1);
          if (version > VERSION) {
            throw new JournalVersionException(where, version, VERSION);
          }
          yield new JournalEvent.StudyStarted(
              version, n.path("seed").asLong(), n.hasNonNull("created") ? Instant.parse(n.get("created").asText()) : Instant.EPOCH);
        }
        case "start" -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> params = (Map<String, Object>) JsonValues.toJava(n.get("params"));
          @SuppressWarnings("unchecked")
          Map<String, Object> metadata = n.path("metadata").isObject() ? (Map<String, Object>) JsonValues.toJava(n.get("metadata")) : Map.of();
          yield new JournalEvent.TrialStarted(
              required(n, "trial").asInt(), params == null ? Map.of() : params, Instant.parse(required(n, "start").asText()),
              metadata);
        }
        case "end" -> new JournalEvent.TrialEnded(
            required(n, "trial").asInt(), readResult(n), Instant.parse(required(n, "end").asText()));
        case "intermediate" -> new JournalEvent.IntermediateValue(
            required(n, "trial").asInt(), required(n, "step").asLong(), readDouble(n, "value"));
        case io.hypermax.core.guidance.GuidanceEvent.EVENT -> {
          io.hypermax.core.guidance.GuidanceEvent.fromJson(n); // a damaged or newer record is named, not applied
          yield new JournalEvent.Custom(o);
        }
        default -> new JournalEvent.Custom(o);
      };
    } catch (JournalVersionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + " is a damaged " + n.get("event").asText() + " record: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("it has no \"" + key + "\"");
    }
    return v;
  }

  private static double readDouble(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isTextual()) {
      return switch (v.asText()) {
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> Double.NaN;
      };
    }
    return v.asDouble();
  }

  @SuppressWarnings("unchecked")
  private static TrialResult readResult(JsonNode n) {
    TrialStatus status = TrialStatus.valueOf(required(n, "status").asText());
    Map<String, Object> metadata =
        n.has("metadata") ? (Map<String, Object>) JsonValues.toJava(n.get("metadata")) : new LinkedHashMap<>();
    JsonNode u = n.path("usage");
    ResourceUsage usage =
        new ResourceUsage(
            readDouble(u, "peak_rss_mib"), readDouble(u, "cpu_seconds"), readDouble(u, "wall_seconds"), readDouble(u, "allocated_mib"));
    Map<String, Double> objectives = new LinkedHashMap<>();
    JsonNode o = n.path("objectives");
    o.fieldNames().forEachRemaining(k -> objectives.put(k, readDouble(o, k)));
    return new TrialResult(
        status,
        readDouble(n, "loss"),
        readDouble(n, "time"),
        metadata,
        n.has("error") ? n.get("error").asText() : null,
        n.has("log") ? n.get("log").asText() : null,
        usage,
        objectives);
  }
}
