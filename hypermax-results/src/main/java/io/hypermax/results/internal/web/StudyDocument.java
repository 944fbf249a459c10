package io.hypermax.results.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.results.internal.analysis.AtpeActions;
import io.hypermax.results.internal.analysis.ContourField;
import io.hypermax.results.internal.analysis.Correlations;
import io.hypermax.results.internal.analysis.Importance;
import io.hypermax.results.internal.analysis.LossScale;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observation;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.analysis.Timeline;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.hypermax.core.stability.API;

/**
 * A study as one JSON document for {@code hypermax-charts.js}: the parameters (kind, scale, integer or not, category
 * labels), every trial (status, loss, times, worker row, parameter values, categorical ones by their labels), and
 * what the front-end should not compute itself because the PNGs use the same numbers: importance with its intervals,
 * the contour fields of the top pairs, Spearman correlations, the loss scale. Non-finite numbers become null.
 *
 * <p>Format ({@code "format": 1}; fields are only ever added): {@code direction}, {@code parameters[]},
 * {@code trials[]}, {@code workers}, {@code lossLog}, {@code importance[]}, {@code contours[]}, {@code spearman},
 * {@code curves[]} (each trial's reported values: {@code trial}, {@code status}, {@code steps[]}, {@code values[]};
 * at most {@value #MAX_CURVE_POINTS} points a curve, evenly thinned, the last point always kept), and, only when
 * trials carry {@code atpe.action} metadata ({@code search.method: atpe}), {@code atpeActions}: {@code actions[]} (the
 * action ids in order of first use) and {@code trials[]} ({@code trial}, {@code action}, {@code family},
 * {@code status}, {@code loss}, {@code best}: the best loss of the complete trials up to it), see {@link AtpeActions}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StudyDocument {
  public static final int FORMAT = 1;
  /** A longer curve is thinned for the page (intermediate.csv keeps every point). */
  public static final int MAX_CURVE_POINTS = 400;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StudyDocument() {}

  /**
   * @param contours the fields of the pairs to show (usually the summary's top pairs)
   */
  public static ObjectNode of(
      StudySnapshot snapshot, Observations obs, Optional<Importance> importance, List<ContourField> contours,
      Optional<Correlations> correlations) {
    ObjectNode doc = F.objectNode();
    doc.put("format", FORMAT);
    doc.put("direction", snapshot.direction().name().toLowerCase(Locale.ROOT));
    doc.put("planned", snapshot.iterations());
    ArrayNode params = doc.putArray("parameters");
    for (NumericParameter p : obs.numeric()) {
      ObjectNode o = params.addObject();
      o.put("path", p.path());
      o.put("kind", "numeric");
      o.put("log", p.log());
      double[] values = obs.all().stream().mapToDouble(x -> x.number(p.path())).filter(Double::isFinite).toArray();
      o.put("integer", values.length > 0 && io.hypermax.results.internal.charts.ChartStyle.integral(p, values));
    }
    Map<String, Parameter> categorical = new HashMap<>();
    for (Parameter p : obs.categorical()) {
      categorical.put(p.path(), p);
      ObjectNode o = params.addObject();
      o.put("path", p.path());
      o.put("kind", "categorical");
      ArrayNode labels = o.putArray("labels");
      io.hypermax.results.internal.analysis.CategoryStats.of(obs, p).groups().forEach(g -> labels.add(g.label()));
    }
    Timeline timeline = Timeline.of(snapshot);
    Map<Integer, Timeline.Entry> lanes = new HashMap<>();
    timeline.entries().forEach(e -> lanes.put(e.trial(), e));
    doc.put("workers", timeline.lanes());
    ArrayNode trials = doc.putArray("trials");
    for (Trial t : snapshot.trials()) {
      ObjectNode o = trials.addObject();
      o.put("number", t.number());
      o.put("status", t.status().name().toLowerCase(Locale.ROOT));
      num(o, "loss", t.loss());
      num(o, "time", t.result() == null ? Double.NaN : t.result().time());
      Timeline.Entry e = lanes.get(t.number());
      if (e != null) {
        o.put("worker", e.lane() + 1);
        num(o, "start", e.start());
        num(o, "end", e.end());
      }
      ObjectNode values = o.putObject("params");
      for (Map.Entry<String, Object> v : t.flatParameters().entrySet()) {
        Parameter c = categorical.get(v.getKey());
        if (c != null) {
          values.put(v.getKey(), obs.label(c, v.getValue()));
        } else if (v.getValue() instanceof Number n) {
          num(values, v.getKey(), n.doubleValue());
        } else {
          values.put(v.getKey(), String.valueOf(v.getValue()));
        }
      }
      if (t.result() != null && t.result().error() != null) {
        String err = t.result().error();
        o.put("error", err.length() > 300 ? err.substring(0, 300) + "…" : err);
      }
    }
    doc.put("lossLog", LossScale.of(obs.all().stream().mapToDouble(Observation::loss).toArray()).log());
    ArrayNode imp = doc.putArray("importance");
    importance.ifPresent(i -> i.entries().forEach(e -> {
      ObjectNode o = imp.addObject();
      o.put("parameter", e.parameter());
      num(o, "share", e.share());
      num(o, "low", e.low());
      num(o, "high", e.high());
      num(o, "omegaSquared", e.omegaSquared());
    }));
    ArrayNode cs = doc.putArray("contours");
    for (ContourField f : contours) {
      ObjectNode o = cs.addObject();
      o.put("x", f.x().path());
      o.put("y", f.y().path());
      o.put("xLog", f.x().log());
      o.put("yLog", f.y().log());
      o.put("lossLog", f.scale().log());
      ArrayNode xs = o.putArray("xs");
      for (double v : f.xs()) {
        xs.add(v);
      }
      ArrayNode ys = o.putArray("ys");
      for (double v : f.ys()) {
        ys.add(v);
      }
      ArrayNode cells = o.putArray("cells"); // [i, j, loss] of every drawn grid point
      for (int i = 0; i < f.xs().length; i++) {
        for (int j = 0; j < f.ys().length; j++) {
          double v = f.values()[i][j];
          if (!Double.isNaN(v)) {
            cells.addArray().add(i).add(j).add(io.hypermax.results.internal.analysis.Stats.round(v, 6));
          }
        }
      }
    }
    ArrayNode curves = doc.putArray("curves");
    for (io.hypermax.core.history.LearningCurve c : snapshot.curves().sorted()) {
      ObjectNode o = curves.addObject();
      o.put("trial", c.trial());
      o.put("status", c.status().name().toLowerCase(Locale.ROOT));
      ArrayNode steps = o.putArray("steps");
      ArrayNode values = o.putArray("values");
      int n = c.size();
      int stride = Math.max(1, (n + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS);
      for (int i = 0; i < n; i++) {
        if (i % stride == 0 || i == n - 1) {
          steps.add(c.step(i));
          double v = c.value(i);
          if (Double.isFinite(v)) {
            values.add(v);
          } else {
            values.addNull();
          }
        }
      }
    }
    atpeActions(doc, AtpeActions.of(snapshot));
    correlations.ifPresent(c -> {
      ObjectNode o = doc.putObject("spearman");
      ArrayNode labels = o.putArray("labels");
      c.features().labels().forEach(labels::add);
      ArrayNode m = o.putArray("matrix");
      for (double[] row : c.spearman()) {
        ArrayNode r = m.addArray();
        for (double v : row) {
          r.add(io.hypermax.results.internal.analysis.Stats.round(v, 3));
        }
      }
    });
    return doc;
  }

  /** The actions chart's data; left out for studies whose optimizer records no actions. */
  private static void atpeActions(ObjectNode doc, AtpeActions a) {
    if (a.isEmpty()) {
      return;
    }
    ObjectNode o = doc.putObject("atpeActions");
    ArrayNode ids = o.putArray("actions");
    a.actions().forEach(ids::add);
    ArrayNode trials = o.putArray("trials");
    for (AtpeActions.Entry e : a.entries()) {
      ObjectNode t = trials.addObject();
      t.put("trial", e.trial());
      t.put("action", e.action());
      t.put("family", e.family());
      t.put("status", e.status().name().toLowerCase(Locale.ROOT));
      num(t, "loss", e.loss());
      num(t, "best", e.bestSoFar());
    }
  }

  private static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** The document as JSON that is safe inside an HTML {@code <script>} element ("<" escaped as \u003c). */
  public static String toScriptJson(ObjectNode doc) {
    try {
      return JSON.writeValueAsString(doc).replace("<", "\\u003c");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
