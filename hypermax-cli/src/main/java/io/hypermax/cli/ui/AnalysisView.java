package io.hypermax.cli.ui;

import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.internal.analysis.Correlations;
import io.hypermax.results.internal.analysis.Importance;
import io.hypermax.results.internal.analysis.Observations;
import java.util.ArrayList;
import java.util.List;

/**
 * Importance (ω² with its bootstrap interval) and each parameter's Spearman correlation with the
 * loss, the same numbers as importance.csv and correlations.csv. Recomputed only when new trials
 * finished and at most every 5 s: the bootstrap costs milliseconds per hundred trials.
 */
final class AnalysisView {
  private static final long MIN_INTERVAL_NANOS = 5_000_000_000L;
  private int computedAt = -1;
  private long computedNanos;
  private List<String> cached = List.of();

  List<String> lines(StudySnapshot s, int width) {
    int n = s.finishedCount();
    long now = System.nanoTime();
    if (n != computedAt && (computedAt < 0 || now - computedNanos > MIN_INTERVAL_NANOS)) {
      cached = compute(s);
      computedAt = n;
      computedNanos = now;
    }
    return cached;
  }

  private static List<String> compute(StudySnapshot s) {
    List<String> out = new ArrayList<>();
    try {
      Observations obs = Observations.of(s);
      out.add("Importance (share of the loss's variance explained, with a 90% bootstrap interval)");
      Importance imp = Importance.compute(obs);
      if (imp.entries().isEmpty()) {
        out.add("  needs at least " + Importance.MIN_RESULTS + " completed trials");
      }
      for (Importance.Entry e : imp.entries()) {
        int bar = (int) Math.round(Math.max(0, Math.min(1, e.share())) * 30);
        out.add(String.format("  %-24s %-30s %5.1f%%  [%.2f, %.2f]", e.parameter(), "#".repeat(bar), e.share() * 100, e.low(), e.high()));
      }
      out.add("");
      out.add("Correlation with the loss (Spearman; + means a larger value goes with a larger loss)");
      Correlations c = Correlations.compute(obs);
      List<String> labels = c.features().labels();
      for (int i = 0; i < labels.size(); i++) {
        double r = c.spearman()[i][i];
        out.add(String.format("  %-30s %+.3f", labels.get(i), r));
      }
    } catch (RuntimeException e) {
      out.add("  not available yet: " + e.getMessage());
    }
    return out;
  }
}
