package io.hypermax.results.internal.detail;

import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.internal.analysis.ContourField;
import io.hypermax.results.internal.analysis.Correlations;
import io.hypermax.results.internal.analysis.Importance;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observation;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.web.StudyDocument;
import io.hypermax.results.internal.web.WebAssets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained page (no network access when viewed) with the best trial, the importance
 * and Spearman correlation tables, and the interactive charts: ECharts (embedded from its webjar) and hypermax's
 * front-end {@code hypermax-charts.js} draw history, importance, EDF, parallel coordinates, a slice per parameter,
 * contours of the top pairs and the timeline from the {@link StudyDocument} embedded as JSON. The page computes
 * everything from the snapshot, so it does not depend on the chart pass having run.
 */
final class ReportPage {
  private final StudySnapshot snapshot;
  private final Observations obs;
  private final boolean graphs;
  private final List<String> chartNotes;
  private final StringBuilder html = new StringBuilder(256 * 1024);
  private final List<String> notes = new ArrayList<>();

  ReportPage(StudySnapshot snapshot, boolean graphs, List<String> chartNotes) {
    this.snapshot = snapshot;
    this.obs = Observations.of(snapshot);
    this.graphs = graphs;
    this.chartNotes = chartNotes;
  }

  String render() {
    head();
    summary();
    best();
    html.append(ObjectiveSections.render(snapshot, graphs)); // metrics, penalties and the Pareto front (issue 18)
    Optional<Importance> importance = importance();
    Optional<Correlations> correlations = correlations();
    charts(importance, correlations);
    notesSection();
    html.append("</body></html>\n");
    return html.toString();
  }

  private void head() {
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>hypermax report</title><style>")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
        .append("h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}")
        .append("table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
        .append("th{background:#f3f3f3}td.l,th.l{text-align:left}img{max-width:100%;display:block;margin:.8em 0}")
        .append(".hm-chart{width:100%;border:1px solid #eee}")
        .append(".muted{color:#666}.bar{background:#1f77b4;height:.8em;display:inline-block}")
        .append("</style></head><body>\n<h1>hypermax report</h1>\n");
  }

  private void summary() {
    long failed = snapshot.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).count();
    long killed = snapshot.trials().stream().filter(t -> t.status() == TrialStatus.KILLED).count();
    html.append("<p>")
        .append(snapshot.finished().size()).append(" finished trials of ").append(snapshot.iterations()).append(" planned: ")
        .append(obs.size()).append(" complete, ").append(failed).append(" failed, ").append(killed).append(" killed. ")
        .append("Direction: ").append(snapshot.direction().name().toLowerCase(java.util.Locale.ROOT)).append(". Seed ").append(snapshot.seed())
        .append(". <span class=\"muted\">Generated ").append(Html.esc(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))).append(".</span></p>\n");
  }

  private void best() {
    html.append("<h2>Best trial</h2>\n");
    Optional<Trial> best = snapshot.best();
    if (best.isEmpty()) {
      html.append("<p>No trial has completed yet.</p>\n");
      return;
    }
    Trial t = best.get();
    html.append("<p>Trial ").append(t.number()).append(": loss <b>").append(Html.num(t.loss())).append("</b>, time ")
        .append(Html.num(t.result().time())).append(" s.</p>\n<table><tr><th class=\"l\">parameter</th><th class=\"l\">value</th></tr>");
    for (Map.Entry<String, Object> e : t.flatParameters().entrySet()) {
      html.append("<tr><td class=\"l\">").append(Html.esc(e.getKey())).append("</td><td class=\"l\">")
          .append(Html.value(e.getValue())).append("</td></tr>");
    }
    html.append("</table>\n");
    List<Observation> top =
        obs.all().stream()
            .sorted(Comparator.comparingDouble(Observation::score).thenComparingInt(Observation::trial))
            .limit(5)
            .toList();
    if (top.size() > 1) {
      html.append("<p>Best ").append(top.size()).append(" trials:</p><table><tr><th>trial</th><th>loss</th><th>time</th>");
      List<String> params = new ArrayList<>(t.flatParameters().keySet());
      params.forEach(p -> html.append("<th>").append(Html.esc(p)).append("</th>"));
      html.append("</tr>");
      for (Observation o : top) {
        html.append("<tr><td>").append(o.trial()).append("</td><td>").append(Html.num(o.loss())).append("</td><td>")
            .append(Html.num(o.time())).append("</td>");
        params.forEach(p -> html.append("<td>").append(Html.value(o.params().getOrDefault(p, ""))).append("</td>"));
        html.append("</tr>");
      }
      html.append("</table>\n");
    }
  }

  private Optional<Importance> importance() {
    html.append("<h2>Parameter importance</h2>\n");
    Importance imp;
    try {
      imp = OverviewOutputs.importance(obs);
    } catch (Skip s) {
      html.append("<p>Not computed: ").append(Html.esc(s.getMessage())).append(".</p>\n");
      return Optional.empty();
    }
    html.append("<p class=\"muted\">Share of the variation in loss ranks that each parameter explains on its own (ω², ")
        .append("main effect; interactions not counted), with its 90% bootstrap interval: overlapping intervals are ")
        .append("no ranking. See docs/results.md.</p>\n")
        .append("<table><tr><th class=\"l\">parameter</th><th>share</th><th>90% interval</th><th>ω²</th><th class=\"l\"></th></tr>");
    for (Importance.Entry e : imp.entries()) {
      html.append("<tr><td class=\"l\">").append(Html.esc(e.parameter())).append("</td><td>")
          .append(String.format(java.util.Locale.ROOT, "%.1f%%", e.share() * 100)).append("</td><td>")
          .append(String.format(java.util.Locale.ROOT, "%.0f–%.0f%%", e.low() * 100, e.high() * 100)).append("</td><td>")
          .append(Html.num(e.omegaSquared()))
          .append("</td><td class=\"l\"><span class=\"bar\" style=\"width:").append(Math.round(e.share() * 300))
          .append("px\"></span></td></tr>");
    }
    html.append("</table>\n");
    return Optional.of(imp);
  }

  private Optional<Correlations> correlations() {
    html.append("<h2>Correlations</h2>\n");
    if (obs.size() < CorrelationsProvider.MIN_RESULTS) {
      html.append("<p>Not computed: needs at least ").append(CorrelationsProvider.MIN_RESULTS).append(" results.</p>\n");
      return Optional.empty();
    }
    Correlations c = Correlations.compute(obs);
    if (c.features().size() == 0) {
      html.append("<p>Not computed: no parameter varies.</p>\n");
      return Optional.empty();
    }
    html.append("<p class=\"muted\">Spearman rank correlations, −1..+1, not rescaled. Diagonal (bold): the parameter ")
        .append("against the loss (positive: larger values, larger loss); elsewhere: two parameters against each other. ")
        .append("Also in correlations_spearman.csv; correlations.csv keeps the original's rescaled numbers.</p>\n")
        .append("<table><tr><th class=\"l\">field</th>");
    c.features().labels().forEach(l -> html.append("<th>").append(Html.esc(l)).append("</th>"));
    html.append("</tr>");
    for (int i = 0; i < c.features().size(); i++) {
      html.append("<tr><th class=\"l\">").append(Html.esc(c.features().labels().get(i))).append("</th>");
      for (int j = 0; j < c.features().size(); j++) {
        double v = c.spearman()[i][j];
        html.append("<td style=\"background:").append(cellColour(v)).append(i == j ? ";font-weight:bold" : "")
            .append("\">").append(String.format(java.util.Locale.ROOT, "%.2f", v)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table>\n");
    return Optional.of(c);
  }

  /** Red for positive, blue for negative, intensity by magnitude (out of 1). */
  private static String cellColour(double v) {
    double a = Math.min(1, Math.abs(v)) * 0.6;
    int fade = (int) Math.round(255 * (1 - a));
    return v >= 0 ? String.format("rgb(255,%d,%d)", fade, fade) : String.format("rgb(%d,%d,255)", fade, fade);
  }

  /** The interactive charts: ECharts, hypermax-charts.js and the study document, all inline. */
  private void charts(Optional<Importance> importance, Optional<Correlations> correlations) {
    html.append("<h2>Charts</h2>\n");
    if (!graphs) {
      html.append("<p class=\"muted\">Charts are off (results.graphs: false).</p>\n");
      return;
    }
    List<ContourField> contours = new ArrayList<>();
    for (NumericParameter[] pair : SummaryOutputs.topPairs(obs, importance)) {
      try {
        contours.add(SummaryOutputs.contour(obs, pair[0], pair[1]));
      } catch (Skip s) {
        notes.add("contour " + pair[0].path() + " × " + pair[1].path() + ": skipped, " + s.getMessage());
      }
    }
    String json = StudyDocument.toScriptJson(StudyDocument.of(snapshot, obs, importance, contours, correlations));
    String echarts = WebAssets.echarts();
    String front = WebAssets.chartsScript();
    if (!WebAssets.safeInScript(echarts) || !WebAssets.safeInScript(front)) {
      throw new IllegalStateException("a chart script contains </script or <!-- and cannot be inlined");
    }
    html.append("<p class=\"muted\">Interactive: the mouse wheel or the slider under a chart zooms, hovering a dot ")
        .append("shows its trial, dragging a colour bar's handles (or along a parallel axis) filters, the legend toggles ")
        .append("series, the menu shows only the best trials. The same charts as PNG files are in the results directory.</p>\n")
        .append("<div id=\"hm-charts\"></div>\n")
        .append("<noscript><p>The charts need JavaScript; the PNG files in the results directory show the same.</p></noscript>\n")
        .append("<script>/* Apache ECharts ").append(WebAssets.echartsVersion()).append(", Apache License 2.0 */\n")
        .append(echarts).append("\n</script>\n<script>\n").append(front).append("\n</script>\n")
        .append("<script type=\"application/json\" id=\"hm-study\">").append(json).append("</script>\n")
        .append("<script>HypermaxCharts.render(document.getElementById('hm-charts'), ")
        .append("JSON.parse(document.getElementById('hm-study').textContent), echarts);</script>\n");
  }

  private void notesSection() {
    List<String> all = new ArrayList<>(notes);
    all.addAll(chartNotes);
    html.append("<h2>Notes</h2>\n");
    if (all.isEmpty()) {
      html.append("<p>Every chart could be drawn.</p>\n");
      return;
    }
    html.append("<p class=\"muted\">Charts that were not drawn, and why (also in notes.txt):</p><ul>");
    all.stream().sorted(Comparator.naturalOrder()).forEach(n -> html.append("<li>").append(Html.esc(n)).append("</li>"));
    html.append("</ul>\n");
  }
}
