package io.hypermax.results.internal.detail;

import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.results.internal.charts.Png;
import io.hypermax.results.internal.pareto.ParetoChart;
import io.hypermax.results.internal.pareto.ParetoData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's sections for studies with a {@code metrics} section: each metric, penalty and the
 * combined loss of the best trials, and, in a Pareto study, the front (table and chart). Empty for
 * studies without metrics, so their reports are unchanged.
 */
final class ObjectiveSections {
  private static final int ROWS = 10;

  private ObjectiveSections() {}

  static String render(StudySnapshot snapshot, boolean graphs) {
    StringBuilder html = new StringBuilder();
    List<Trial> complete = snapshot.complete();
    Set<String> columns = new LinkedHashSet<>();
    boolean hasMetrics = false;
    for (Trial t : complete) {
      for (var e : t.result().metadata().entrySet()) {
        if (e.getValue() instanceof Number) {
          columns.add(e.getKey());
          hasMetrics |= e.getKey().startsWith("objective.") || e.getKey().startsWith("penalty.");
        }
      }
    }
    if (!hasMetrics) {
      return "";
    }
    List<Trial> best = new ArrayList<>(complete);
    best.sort(Comparator.comparingDouble((Trial t) -> snapshot.direction().score(t.loss())).thenComparingInt(Trial::number));
    html.append("<h2>Metrics and penalties</h2>\n<p>The loss is the weighted sum of the metrics' values to minimise ")
        .append("(<code>objective.*</code>: after direction and transform; <code>penalty.*</code>: time, RAM and CPU penalties). ")
        .append("Best ").append(Math.min(ROWS, best.size())).append(" trials by loss; every trial is in results.csv.</p>\n");
    table(html, best.subList(0, Math.min(ROWS, best.size())), new ArrayList<>(columns), null);
    ParetoData data = ParetoData.of(snapshot);
    if (data != null) {
      html.append("<h2>Pareto front</h2>\n<p>").append(data.front().size()).append(" of ").append(data.scored().size())
          .append(" scored trials are on the front (no other trial is as good in every objective and better in one); ")
          .append("they are listed in pareto.csv and best.json.</p>\n");
      List<Trial> front = new ArrayList<>(data.front());
      front.sort(Comparator.comparingDouble((Trial t) -> data.value(t, 0)).thenComparingInt(Trial::number));
      table(html, front, new ArrayList<>(columns), data);
      if (graphs) {
        for (int[] pair : ParetoChart.pairs(data.names().size())) {
          html.append(Html.img(png(data, pair), "Pareto front")).append('\n');
        }
      }
    }
    return html.toString();
  }

  private static byte[] png(ParetoData data, int[] pair) {
    try {
      return Png.bytes(ParetoChart.create(data, pair[0], pair[1]), 900, 650);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void table(StringBuilder html, List<Trial> trials, List<String> columns, ParetoData data) {
    html.append("<table><tr><th>trial</th><th>loss</th><th>time</th>");
    if (data != null) {
      data.names().forEach(n -> html.append("<th>").append(Html.esc(n)).append(" (minimised)</th>"));
    }
    columns.forEach(c -> html.append("<th>").append(Html.esc(c)).append("</th>"));
    html.append("<th>peak RSS MiB</th><th>CPU s</th></tr>\n");
    for (Trial t : trials) {
      html.append("<tr><td>").append(t.number()).append("</td><td>").append(Html.num(t.loss())).append("</td><td>")
          .append(Html.num(t.result().time())).append("</td>");
      if (data != null) {
        for (int i = 0; i < data.names().size(); i++) {
          html.append("<td>").append(Html.num(data.value(t, i))).append("</td>");
        }
      }
      for (String c : columns) {
        Object v = t.result().metadata().get(c);
        html.append("<td>").append(v instanceof Number n ? Html.num(n.doubleValue()) : "").append("</td>");
      }
      html.append("<td>").append(Html.num(t.result().usage().peakRssMiB())).append("</td><td>")
          .append(Html.num(t.result().usage().cpuSeconds())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }
}
