package io.hypermax.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only record of a study, one JSON object per line ({@code journal.jsonl}):
 *
 * <pre>
 * {"event":"study","version":1,"seed":42}
 * {"event":"start","trial":0,"params":{...flat...},"start":"..."}
 * {"event":"end","trial":0,"status":"COMPLETE","loss":0.12,"time":1.5,...}
 * </pre>
 *
 * Every {@code end} line is flushed and fsynced before the study goes on, so a completed trial is
 * never lost. A torn last line (a crash mid-write) is dropped when the journal is read or reopened.
 */
public final class Journal implements AutoCloseable {
  public static final String FILE_NAME = "journal.jsonl";
  private static final ObjectMapper MAPPER = JsonValues.MAPPER;

  private final Path file;
  // A plain stream, not a FileChannel: a channel is closed for good when the writing thread is interrupted.
  private final FileOutputStream out;

  private Journal(Path file, FileOutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** What a journal holds: the seed, the finished trials, and trials that were started but never finished. */
  /**
   * @param problems damaged lines other than a torn last one, and results of trials whose start is
   *     missing: what could not be recovered, one readable line each
   */
  public record State(
      Long seed, List<Trial> finished, List<Trial> abandoned, List<JsonNode> extraEvents, List<String> problems) {
    public State(Long seed, List<Trial> finished, List<Trial> abandoned, List<JsonNode> extraEvents) {
      this(seed, finished, abandoned, extraEvents, List.of());
    }

    public int nextTrialNumber() {
      int max = -1;
      for (Trial t : finished) {
        max = Math.max(max, t.number());
      }
      for (Trial t : abandoned) {
        max = Math.max(max, t.number());
      }
      return max + 1;
    }
  }

  /** Opens (creating if needed) the journal in {@code directory} for appending, first dropping a torn last line. */
  public static Journal open(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        truncateTornTail(channel);
      }
      return new Journal(file, new FileOutputStream(file.toFile(), true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file, e);
    }
  }

  private static void truncateTornTail(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return;
    }
    long pos = size;
    ByteBuffer one = ByteBuffer.allocate(1);
    // Find the last newline; everything after it is a partial line.
    while (pos > 0) {
      one.clear();
      channel.read(one, pos - 1);
      if (one.get(0) == '\n') {
        break;
      }
      pos--;
    }
    if (pos < size) {
      channel.truncate(pos);
    }
  }

  public Path file() {
    return file;
  }

  public synchronized void writeStudy(long seed) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("event", "study");
    n.put("version", 1);
    n.put("seed", seed);
    n.put("created", Instant.now().toString());
    append(n, true);
  }

  /** Records an event of a kind the core does not interpret (e.g. a define-by-run parameter definition). */
  public synchronized void writeExtra(ObjectNode event) {
    append(event, true);
  }

  public synchronized void writeStart(Trial trial) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("event", "start");
    n.put("trial", trial.number());
    n.set("params", MAPPER.valueToTree(trial.assignment().values()));
    n.put("start", trial.start().toString());
    append(n, false);
  }

  public synchronized void writeEnd(Trial trial) {
    TrialResult r = trial.result();
    ObjectNode n = MAPPER.createObjectNode();
    n.put("event", "end");
    n.put("trial", trial.number());
    n.put("status", r.status().name());
    putDouble(n, "loss", r.loss());
    putDouble(n, "time", r.time());
    if (!r.metadata().isEmpty()) {
      n.set("metadata", MAPPER.valueToTree(r.metadata()));
    }
    if (r.hasObjectives()) {
      ObjectNode objectives = n.putObject("objectives");
      r.objectives().forEach((k, v) -> putDouble(objectives, k, v));
    }
    if (r.error() != null) {
      n.put("error", r.error());
    }
    if (r.log() != null) {
      n.put("log", r.log());
    }
    ObjectNode usage = n.putObject("usage");
    putDouble(usage, "peak_rss_mib", r.usage().peakRssMiB());
    putDouble(usage, "cpu_seconds", r.usage().cpuSeconds());
    putDouble(usage, "wall_seconds", r.usage().wallSeconds());
    n.put("end", trial.end().toString());
    append(n, true);
  }

  private static void putDouble(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else if (!Double.isNaN(v)) {
      n.put(key, v > 0 ? "Infinity" : "-Infinity");
    }
  }

  private static double readDouble(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isTextual()) {
      return "Infinity".equals(v.asText()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return v.asDouble();
  }

  private void append(ObjectNode event, boolean sync) {
    try {
      byte[] bytes = (MAPPER.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(bytes);
      if (sync) {
        out.getFD().sync();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code directory} holds a journal. */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(FILE_NAME));
  }

  /**
   * Rebuilds the study state from the journal in {@code directory}. Unparsable lines are skipped
   * (a torn last line is expected after a crash). The nested parameter view of each trial is left
   * empty; the study recomputes it from its space.
   */
  public static State read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + file, e);
    }
    Long seed = null;
    Map<Integer, Trial> started = new TreeMap<>();
    Map<Integer, Trial> finished = new TreeMap<>();
    List<JsonNode> extra = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int lastLine = lines.size();
    while (lastLine > 0 && lines.get(lastLine - 1).isBlank()) {
      lastLine--;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = MAPPER.readTree(line);
      } catch (IOException e) {
        if (i + 1 < lastLine) { // a torn last line is an expected crash artefact, not a problem
          problems.add(FILE_NAME + " line " + (i + 1) + " is damaged and was skipped");
        }
        continue;
      }
      if (n == null || !n.has("event")) {
        continue;
      }
      switch (n.get("event").asText()) {
        case "study" -> seed = n.path("seed").asLong();
        case "start" -> {
          int number = n.get("trial").asInt();
          @SuppressWarnings("unchecked")
          Map<String, Object> params = (Map<String, Object>) JsonValues.toJava(n.get("params"));
          Instant start = Instant.parse(n.get("start").asText());
          started.put(number, Trial.running(number, new Assignment(params), Map.of(), start));
          finished.remove(number);
        }
        case "end" -> {
          int number = n.get("trial").asInt();
          Trial t = started.get(number);
          if (t != null) {
            finished.put(number, t.finish(readResult(n), Instant.parse(n.get("end").asText())));
          } else {
            problems.add("the result of trial " + number + " has no start record (its parameters are lost); it was skipped");
          }
        }
        default -> extra.add(n);
      }
    }
    List<Trial> abandoned = new ArrayList<>();
    for (Trial t : started.values()) {
      if (!finished.containsKey(t.number())) {
        abandoned.add(t);
      }
    }
    return new State(seed, new ArrayList<>(finished.values()), abandoned, extra, problems);
  }

  @SuppressWarnings("unchecked")
  private static TrialResult readResult(JsonNode n) {
    TrialStatus status = TrialStatus.valueOf(n.get("status").asText());
    Map<String, Object> metadata =
        n.has("metadata") ? (Map<String, Object>) JsonValues.toJava(n.get("metadata")) : new LinkedHashMap<>();
    JsonNode u = n.path("usage");
    ResourceUsage usage =
        new ResourceUsage(readDouble(u, "peak_rss_mib"), readDouble(u, "cpu_seconds"), readDouble(u, "wall_seconds"));
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
