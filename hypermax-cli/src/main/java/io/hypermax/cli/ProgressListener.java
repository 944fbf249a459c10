package io.hypermax.cli;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.study.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Shows progress: on a terminal a one-line bar (trials done/total, best loss, elapsed, ETA)
 * redrawn in place; otherwise one plain line per finished trial.
 */
final class ProgressListener implements StudyListener {
  private final PrintStream out;
  private final boolean live;
  private long startNanos;
  private int doneAtStart;

  ProgressListener(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  void begin(Study study, Path resultsDirectory, boolean resumed) {
    startNanos = System.nanoTime();
    doneAtStart = (int) study.snapshot().finished().size();
    out.printf(
        "%s search: %d parameters, %d trials, seed %d, results in %s%s%n",
        resumed ? "resuming" : "starting",
        study.space().size(),
        study.iterations(),
        study.seed(),
        resultsDirectory,
        resumed ? " (" + doneAtStart + " trials already done)" : "");
  }

  @Override
  public synchronized void trialFinished(Trial trial, StudySnapshot snap) {
    int done = snap.finished().size();
    String best = snap.best().map(t -> fmt(t.loss())).orElse("-");
    if (live) {
      if (trial.status() != TrialStatus.COMPLETE) {
        // Failures and kills get a line of their own above the bar, so they are seen as they happen.
        out.print("\r" + " ".repeat(100) + "\r");
        out.println(
            "trial " + trial.number() + " " + trial.status()
                + (trial.result().error() == null ? "" : ": " + firstLine(trial.result().error())));
      }
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      int doneHere = done - doneAtStart;
      double eta = doneHere > 0 ? elapsed / doneHere * (snap.iterations() - done) : Double.NaN;
      int width = 30;
      int filled = (int) Math.round(width * Math.min(1.0, done / (double) snap.iterations()));
      out.printf(
          "\r[%s%s] %d/%d  best %s  elapsed %s  eta %s   ",
          "#".repeat(filled),
          " ".repeat(width - filled),
          done,
          snap.iterations(),
          best,
          duration(elapsed),
          Double.isNaN(eta) ? "-" : duration(eta));
      out.flush();
    } else {
      String outcome =
          trial.status() == TrialStatus.COMPLETE
              ? "loss " + fmt(trial.loss()) + terms(trial)
              : trial.status() + (trial.result().error() == null ? "" : ": " + firstLine(trial.result().error()));
      out.printf(
          "trial %d (%d/%d) %s  time %.2fs  best %s  %s%n",
          trial.number(), done, snap.iterations(), outcome, trial.result().time(), best, json(trial.parameters()));
    }
  }

  void end() {
    if (live) {
      out.println();
    }
  }

  /** With a metrics section: the terms of the weighted sum, e.g. " (objective.accuracy -0.93, penalty.time 0.0058)". */
  static String terms(Trial trial) {
    StringBuilder sb = new StringBuilder();
    for (var e : trial.result().metadata().entrySet()) {
      if ((e.getKey().startsWith("objective.") || e.getKey().startsWith("penalty.")) && e.getValue() instanceof Number n) {
        sb.append(sb.length() == 0 ? " (" : ", ").append(e.getKey()).append(' ').append(fmt(n.doubleValue()));
      }
    }
    return sb.length() == 0 ? "" : sb.append(')').toString();
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return String.format("%.6g", v);
  }

  static String duration(double seconds) {
    Duration d = Duration.ofMillis((long) (seconds * 1000));
    return d.toHours() > 0
        ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }

  static String json(Map<String, Object> params) {
    try {
      return JsonValues.MAPPER.writeValueAsString(params);
    } catch (Exception e) {
      return String.valueOf(params);
    }
  }
}
