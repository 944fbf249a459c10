package io.hypermax.results.detail;

import io.hypermax.core.study.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import io.hypermax.results.analysis.CategoryStats;
import io.hypermax.results.analysis.CellGrid;
import io.hypermax.results.analysis.Correlations;
import io.hypermax.results.analysis.History;
import io.hypermax.results.analysis.Importance;
import io.hypermax.results.analysis.NumericParameter;
import io.hypermax.results.analysis.Observation;
import io.hypermax.results.analysis.Observations;
import io.hypermax.results.analysis.ParameterSeries;
import io.hypermax.results.analysis.Reduction;
import io.hypermax.results.analysis.ValueKey;
import io.hypermax.results.charts.CategoryCharts;
import io.hypermax.results.charts.HistoryChart;
import io.hypermax.results.charts.ImportanceChart;
import io.hypermax.results.charts.PairScatterChart;
import io.hypermax.results.charts.Png;
import io.hypermax.results.charts.SeriesChart;
import io.hypermax.core.space.Parameter;
import io.hypermax.results.analysis.PairScatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * {@code report.html}: one self-contained page (images embedded, no network) with the best trial,
 * the history, parameter importance, correlations with the loss, and the charts of the most
 * important parameters (bucketed loss charts of the top three, the loss matrix and scatter of the
 * top two numeric ones, box charts of important categorical ones). Charts are rendered here in
 * memory, so the page does not depend on the chart pass having run.
 */
final class ReportPage {
  private static final int TOP_PARAMETERS = 3;

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
    history();
    Optional<Importance> importance = importance();
    correlations();
    informativeCharts(importance);
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

  private void history() {
    html.append("<h2>Optimization history</h2>\n");
    if (obs.size() == 0) {
      html.append("<p>No complete results yet.</p>\n");
      return;
    }
    chart(() -> HistoryChart.create(History.of(obs)), 1000, 500, "optimization history");
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
        .append("binned main effect; interactions not counted). See docs/results.md.</p>\n")
        .append("<table><tr><th class=\"l\">parameter</th><th>share</th><th>ω²</th><th class=\"l\"></th></tr>");
    for (Importance.Entry e : imp.entries()) {
      html.append("<tr><td class=\"l\">").append(Html.esc(e.parameter())).append("</td><td>")
          .append(String.format("%.1f%%", e.share() * 100)).append("</td><td>").append(Html.num(e.omegaSquared()))
          .append("</td><td class=\"l\"><span class=\"bar\" style=\"width:").append(Math.round(e.share() * 300))
          .append("px\"></span></td></tr>");
    }
    html.append("</table>\n");
    chart(() -> ImportanceChart.create(imp), 900, Math.max(350, 120 + 45 * imp.entries().size()), "importance");
    return Optional.of(imp);
  }

  private void correlations() {
    html.append("<h2>Correlations</h2>\n");
    if (obs.size() < CorrelationsProvider.MIN_RESULTS) {
      html.append("<p>Not computed: needs at least ").append(CorrelationsProvider.MIN_RESULTS).append(" results.</p>\n");
      return;
    }
    Correlations c = Correlations.compute(obs);
    if (c.features().size() == 0) {
      html.append("<p>Not computed: no parameter varies.</p>\n");
      return;
    }
    html.append("<p class=\"muted\">Rescaled to −10..+10 (signs kept). Diagonal: the parameter's relation to the loss ")
        .append("(positive: larger values, larger loss); elsewhere: how two parameters vary together. ")
        .append("Also in correlations.csv.</p>\n<table><tr><th class=\"l\">field</th>");
    c.features().labels().forEach(l -> html.append("<th>").append(Html.esc(l)).append("</th>"));
    html.append("</tr>");
    for (int i = 0; i < c.features().size(); i++) {
      html.append("<tr><th class=\"l\">").append(Html.esc(c.features().labels().get(i))).append("</th>");
      for (int j = 0; j < c.features().size(); j++) {
        double v = c.scaled()[i][j];
        html.append("<td style=\"background:").append(cellColour(v)).append(i == j ? ";font-weight:bold" : "")
            .append("\">").append(Html.num(v)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  /** Red for positive, blue for negative, intensity by magnitude (out of 10). */
  private static String cellColour(double v) {
    double a = Math.min(1, Math.abs(v) / 10) * 0.6;
    int fade = (int) Math.round(255 * (1 - a));
    return v >= 0 ? String.format("rgb(255,%d,%d)", fade, fade) : String.format("rgb(%d,%d,255)", fade, fade);
  }

  private void informativeCharts(Optional<Importance> importance) {
    if (!graphs) {
      html.append("<p class=\"muted\">Charts are off (results.graphs: false).</p>\n");
      return;
    }
    List<String> ranked = new ArrayList<>();
    importance.ifPresent(imp -> imp.entries().forEach(e -> ranked.add(e.parameter())));
    obs.numeric().forEach(p -> addIfMissing(ranked, p.path()));
    obs.categorical().forEach(p -> addIfMissing(ranked, p.path()));
    List<String> top = ranked.subList(0, Math.min(TOP_PARAMETERS, ranked.size()));
    html.append("<h2>Most important parameters</h2>\n");
    if (top.isEmpty()) {
      html.append("<p>No parameters to chart.</p>\n");
    }
    for (String path : top) {
      html.append("<h3>").append(Html.esc(path)).append("</h3>\n");
      Optional<NumericParameter> numeric = obs.numeric().stream().filter(p -> p.path().equals(path)).findFirst();
      if (numeric.isPresent()) {
        NumericParameter p = numeric.get();
        chart(() -> {
          ParameterSeries s = ParameterSeries.bucketed(obs, p, ValueKey.LOSS, 1, Reduction.MIN, SingleParameterOutputs.BUCKETS);
          requirePoints(s);
          return SeriesChart.create(s, "Loss Chart (20 buckets, min) for " + path, "best loss of each bucket");
        }, 900, 560, "bucketed loss chart of " + path);
        chart(() -> {
          ParameterSeries s = ParameterSeries.raw(obs, p, ValueKey.LOSS, 1);
          requirePoints(s);
          return SeriesChart.create(s, "Loss Chart for " + path, s.points().size() + " results");
        }, 900, 560, "loss chart of " + path);
        html.append("<p class=\"muted\">All charts of this parameter: folder <a href=\"").append(Html.esc(FileNames.safe(path)))
            .append("/\">").append(Html.esc(FileNames.safe(path))).append("/</a>.</p>\n");
      } else {
        obs.categorical().stream().filter(p -> p.path().equals(path)).findFirst().ifPresent(p -> categorical(p));
      }
    }
    List<NumericParameter> numericTop = new ArrayList<>();
    for (String path : ranked) {
      obs.numeric().stream().filter(p -> p.path().equals(path)).findFirst().ifPresent(numericTop::add);
    }
    if (numericTop.size() >= 2) {
      NumericParameter x = numericTop.get(0);
      NumericParameter y = numericTop.get(1);
      html.append("<h2>").append(Html.esc(x.path())).append(" vs ").append(Html.esc(y.path())).append("</h2>\n");
      chart(() -> {
        CellGrid g = CellGrid.compute(obs, x, y, ValueKey.LOSS, 1, Reduction.MIN);
        if (g.width() < 2 || g.height() < 2) {
          throw new Skip("a parameter has a single value");
        }
        return PairOutputs.lossMatrixChart(g, PairOutputs.globalPositions(g), "Loss Matrix (min)", "best loss of each cell");
      }, PairOutputs.MATRIX_WIDTH, PairOutputs.MATRIX_HEIGHT, "loss matrix");
      chart(() -> {
        PairScatter s = PairScatter.compute(obs, x, y, 1);
        if (s.points().size() < 2) {
          throw new Skip("fewer than 2 results");
        }
        return PairScatterChart.create(s, "Scatter Chart of " + x.path() + " vs " + y.path(), "large and blue = good");
      }, PairOutputs.SCATTER_WIDTH, PairOutputs.SCATTER_HEIGHT, "scatter");
    }
  }

  private static void addIfMissing(List<String> list, String s) {
    if (!list.contains(s)) {
      list.add(s);
    }
  }

  private static void requirePoints(ParameterSeries s) {
    if (s.points().size() < 2) {
      throw new Skip("fewer than 2 points");
    }
  }

  private void categorical(Parameter p) {
    chart(() -> {
      CategoryStats stats = CategoryStats.of(obs, p);
      if (stats.groups().isEmpty()) {
        throw new Skip("no results");
      }
      return CategoryCharts.box(stats);
    }, 900, 560, "loss by " + p.path());
  }

  private interface ChartMaker {
    JFreeChart make() throws Exception;
  }

  private void chart(ChartMaker maker, int width, int height, String alt) {
    if (!graphs) {
      return;
    }
    try {
      html.append(Html.img(Png.bytes(maker.make(), width, height), alt)).append('\n');
    } catch (Skip s) {
      notes.add(alt + ": skipped, " + s.getMessage());
    } catch (Exception | LinkageError e) {
      notes.add(alt + ": failed: " + e);
    }
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
