package io.hypermax.results.internal.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.internal.analysis.ContourField;
import io.hypermax.results.internal.analysis.Correlations;
import io.hypermax.results.internal.analysis.Importance;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.detail.CorrelationsProvider;
import io.hypermax.results.internal.detail.OverviewOutputs;
import io.hypermax.results.internal.detail.Skip;
import io.hypermax.results.internal.detail.SummaryOutputs;
import io.hypermax.results.internal.pareto.ParetoData;
import io.hypermax.results.internal.web.StudyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.hypermax.core.stability.API;

/**
 * The dashboard's JSON: the {@link StudyDocument} report.html embeds (so the same charts draw), plus what only a
 * live view needs. Added fields: {@code dashboard} (1), {@code now} (server epoch ms), {@code summary} (counts, best
 * trial, problems), per trial {@code usage} and {@code startedAt}, {@code running[]} (started, unfinished trials
 * with live usage when known), {@code intermediates} (trial number to [[step, value], ...], the hook for learning
 * curves) and {@code pareto} (objective names and every scored trial, flagged when on the front).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DashboardDocument {
  /** The study a stored record belongs to: what the journal does not hold (the space and direction come from the config). */
  public record Shape(SearchSpace space, Direction direction, int iterations) {}

  private DashboardDocument() {}

  /** The snapshot of what a source holds: finished trials and unfinished ones as RUNNING, nested from the space. */
  public static StudySnapshot snapshot(Shape shape, StoredStudy stored) {
    List<Trial> trials = new ArrayList<>();
    Set<Integer> finished = new HashSet<>();
    for (Trial t : stored.finished()) {
      finished.add(t.number());
      trials.add(new Trial(t.number(), t.assignment(), shape.space().nest(t.assignment()), t.status(), t.start(), t.end(), t.result()));
    }
    for (Trial t : stored.abandoned()) {
      if (!finished.contains(t.number())) {
        trials.add(Trial.running(t.number(), t.assignment(), shape.space().nest(t.assignment()), t.start()));
      }
    }
    long seed = stored.seed() == null ? 0 : stored.seed();
    return new StudySnapshot(shape.space(), trials, shape.direction(), Math.max(shape.iterations(), trials.size()), seed)
        .withCurves(io.hypermax.core.history.LearningCurves.of(stored), -1);
  }

  public static ObjectNode of(StudySnapshot snapshot, StoredStudy stored, Map<Integer, ResourceUsage> live) {
    return withLive(of(snapshot, stored), live);
  }

  /**
   * {@code base} (a document of {@link #of(StudySnapshot, StoredStudy)}, left unchanged) with the running trials'
   * live memory and CPU and the current time: what changes between two reads of an unchanged study, so the
   * dashboard need not redo the analysis (importance, contours, correlations) for it.
   */
  public static ObjectNode withLive(ObjectNode base, Map<Integer, ResourceUsage> live) {
    ObjectNode doc = base.deepCopy();
    doc.put("now", System.currentTimeMillis());
    for (JsonNode node : doc.get("running")) {
      ResourceUsage u = live.get(node.get("number").asInt());
      if (u != null) {
        usage(((ObjectNode) node).putObject("usage"), u);
      }
    }
    return doc;
  }

  /** The document of a study as read, without live usage: everything that depends on the stored trials only. */
  public static ObjectNode of(StudySnapshot snapshot, StoredStudy stored) {
    Observations obs = Observations.of(snapshot);
    Optional<Importance> importance = Optional.empty();
    try {
      importance = Optional.of(OverviewOutputs.importance(obs));
    } catch (Skip s) {
      // too few results: the page shows no importance chart
    }
    List<ContourField> contours = new ArrayList<>();
    if (obs.size() >= 2) {
      for (NumericParameter[] pair : SummaryOutputs.topPairs(obs, importance)) {
        try {
          contours.add(SummaryOutputs.contour(obs, pair[0], pair[1]));
        } catch (Skip s) {
          // too few trials in this pair's range
        }
      }
    }
    Optional<Correlations> correlations = Optional.empty();
    if (obs.size() >= CorrelationsProvider.MIN_RESULTS) {
      Correlations c = Correlations.compute(obs);
      if (c.features().size() > 0) {
        correlations = Optional.of(c);
      }
    }
    ObjectNode doc = StudyDocument.of(snapshot, obs, importance, contours, correlations);
    doc.put("dashboard", 1);
    doc.put("now", System.currentTimeMillis());
    summary(doc.putObject("summary"), snapshot, stored);
    Map<Integer, Trial> byNumber = new HashMap<>();
    snapshot.trials().forEach(t -> byNumber.put(t.number(), t));
    for (JsonNode node : doc.get("trials")) {
      Trial t = byNumber.get(node.get("number").asInt());
      ObjectNode o = (ObjectNode) node;
      if (t.start() != null) {
        o.put("startedAt", t.start().toEpochMilli());
      }
      if (t.result() != null) {
        usage(o.putObject("usage"), t.result().usage());
      }
    }
    ArrayNode running = doc.putArray("running");
    for (Trial t : snapshot.running()) {
      ObjectNode o = running.addObject();
      o.put("number", t.number());
      if (t.start() != null) {
        o.put("startedAt", t.start().toEpochMilli());
      }
      o.set("params", JsonValues.MAPPER.valueToTree(t.flatParameters()));
    }
    ParetoData pareto = ParetoData.of(snapshot);
    if (pareto != null) {
      ObjectNode p = doc.putObject("pareto");
      ArrayNode names = p.putArray("objectives");
      pareto.names().forEach(names::add);
      Set<Integer> front = new HashSet<>();
      pareto.front().forEach(t -> front.add(t.number()));
      ArrayNode points = p.putArray("trials");
      for (Trial t : pareto.scored()) {
        ObjectNode o = points.addObject();
        o.put("number", t.number());
        o.put("front", front.contains(t.number()));
        ArrayNode values = o.putArray("values");
        for (int k = 0; k < pareto.names().size(); k++) {
          Double v = t.result().objectives().get(pareto.names().get(k));
          if (v == null || !Double.isFinite(v)) {
            values.addNull();
          } else {
            values.add(v);
          }
        }
      }
    }
    return doc;
  }

  private static void summary(ObjectNode s, StudySnapshot snapshot, StoredStudy stored) {
    s.put("planned", snapshot.iterations());
    s.put("finished", snapshot.finishedCount());
    s.put("complete", snapshot.complete().size());
    s.put("failed", snapshot.finished().stream().filter(t -> t.status() == TrialStatus.FAILED).count());
    s.put("killed", snapshot.finished().stream().filter(t -> t.status() == TrialStatus.KILLED).count());
    s.put("running", snapshot.running().size());
    if (stored.seed() != null) {
      s.put("seed", stored.seed());
    }
    snapshot.best().ifPresent(b -> {
      ObjectNode o = s.putObject("best");
      o.put("number", b.number());
      num(o, "loss", b.loss());
      o.set("parameters", JsonValues.MAPPER.valueToTree(b.parameters()));
    });
    Instant first = snapshot.trials().stream().map(Trial::start).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    if (first != null) {
      s.put("firstStart", first.toEpochMilli());
    }
    ArrayNode problems = s.putArray("problems");
    stored.problems().stream().limit(20).forEach(problems::add);
  }

  private static void usage(ObjectNode o, ResourceUsage u) {
    num(o, "peakRssMiB", u.peakRssMiB());
    num(o, "cpuSeconds", u.cpuSeconds());
    num(o, "wallSeconds", u.wallSeconds());
    num(o, "allocatedMiB", u.allocatedMiB());
  }

  static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** One trial in full, for the details pane: nested parameters as the function got them, the whole result. */
  public static ObjectNode trial(Trial t, StoredStudy stored, boolean hasLog) {
    ObjectNode o = JsonValues.MAPPER.createObjectNode();
    o.put("number", t.number());
    o.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
    if (t.start() != null) {
      o.put("start", t.start().toString());
    }
    if (t.end() != null) {
      o.put("end", t.end().toString());
    }
    o.set("parameters", JsonValues.MAPPER.valueToTree(t.parameters()));
    o.set("flat", JsonValues.MAPPER.valueToTree(t.flatParameters()));
    if (t.result() != null) {
      ObjectNode r = o.putObject("result");
      num(r, "loss", t.result().loss());
      num(r, "time", t.result().time());
      if (t.result().error() != null) {
        r.put("error", t.result().error());
      }
      r.set("metadata", JsonValues.MAPPER.valueToTree(t.result().metadata()));
      if (!t.result().objectives().isEmpty()) {
        r.set("objectives", JsonValues.MAPPER.valueToTree(t.result().objectives()));
      }
      usage(r.putObject("usage"), t.result().usage());
    }
    ArrayNode steps = o.putArray("intermediates");
    stored.intermediates().stream().filter(i -> i.trial() == t.number())
        .forEach(i -> steps.addArray().add(i.step()).add(Double.isFinite(i.value()) ? i.value() : null));
    o.put("hasLog", hasLog);
    return o;
  }
}
