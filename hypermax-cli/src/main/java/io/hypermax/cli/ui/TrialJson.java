package io.hypermax.cli.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.trial.Trial;

/** A trial as pretty JSON, for the trial popup: everything the journal knows of it. */
final class TrialJson {
  private TrialJson() {}

  static String of(Trial t) {
    ObjectNode o = JsonValues.MAPPER.createObjectNode();
    o.put("trial", t.number());
    o.put("status", t.status().name());
    if (t.result() != null) {
      if (Double.isFinite(t.result().loss())) {
        o.put("loss", t.result().loss());
      }
      o.put("time", t.result().time());
    }
    o.set("parameters", JsonValues.MAPPER.valueToTree(t.parameters().isEmpty() ? t.assignment().values() : t.parameters()));
    o.set("flat", JsonValues.MAPPER.valueToTree(t.assignment().values()));
    if (t.result() != null) {
      if (!t.result().metadata().isEmpty()) {
        o.set("metadata", JsonValues.MAPPER.valueToTree(t.result().metadata()));
      }
      if (t.result().error() != null) {
        o.put("error", t.result().error());
      }
      if (t.result().log() != null) {
        o.put("log", t.result().log());
      }
      ObjectNode u = o.putObject("usage");
      putFinite(u, "peak_rss_mib", t.result().usage().peakRssMiB());
      putFinite(u, "cpu_seconds", t.result().usage().cpuSeconds());
      putFinite(u, "wall_seconds", t.result().usage().wallSeconds());
    }
    o.put("start", String.valueOf(t.start()));
    if (t.end() != null) {
      o.put("end", t.end().toString());
    }
    try {
      return JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (Exception e) {
      return o.toString();
    }
  }

  private static void putFinite(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    }
  }
}
