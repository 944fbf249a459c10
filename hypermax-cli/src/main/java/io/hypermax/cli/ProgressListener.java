package io.hypermax.cli;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows progress: on a terminal a one-line bar (trials done/total, best loss, elapsed, ETA)
 * redrawn in place, at most {@link #REDRAWS_PER_SECOND} times a second (thousands of fast trials
 * would otherwise spend their time redrawing); otherwise one plain line per finished trial.
 */
final class ProgressListener implements StudyListener {
  static final int REDRAWS_PER_SECOND = 4;
  private static final long REDRAW_INTERVAL_NANOS = 1_000_000_000L / REDRAWS_PER_SECOND;

  private final PrintStream out;
  private final boolean live;
  private final LongSupplier clock;
  private long startNanos;
  private int doneAtStart;
  private long lastRedraw;
  private boolean drawn;

  ProgressListener(PrintStream out, boolean live) {
    this(out, live, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()} (tests pass their own) */
  ProgressListener(PrintStream out, boolean live, LongSupplier clock) {
    this.out = out;
    this.live = live;
    this.clock = clock;
  }

  void begin(Study study, Path resultsDirectory, boolean resumed) {
    startNanos = clock.getAsLong();
    doneAtStart = study.snapshot().finishedCount();
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
    int done = snap.finishedCount();
    String best = snap.best().map(t -> fmt(t.loss())).orElse("-");
    if (live) {
      if (trial.status() != TrialStatus.COMPLETE && trial.status() != TrialStatus.PRUNED) {
        // Failures and kills get a line of their own above the bar, so they are seen as they happen
        // (pruned trials are expected, often most of them: the bar counts them).
        out.print("\r" + " ".repeat(100) + "\r");
        out.println(
            "trial " + trial.number() + " " + trial.status()
                + (trial.result().error() == null ? "" : ": " + firstLine(trial.result().error())));
      }
      long now = clock.getAsLong();
      if (drawn && now - lastRedraw < REDRAW_INTERVAL_NANOS && done < snap.iterations()) {
        return; // throttled; the last trial is always drawn
      }
      lastRedraw = now;
      drawn = true;
      double elapsed = (now - startNanos) / 1e9;
      int doneHere = done - doneAtStart;
      double eta = doneHere > 0 ? elapsed / doneHere * (snap.iterations() - done) : Double.NaN;
      int width = 30;
      int filled = (int) Math.round(width * Math.min(1.0, done / (double) snap.iterations()));
      out.printf(
          "\r[%s%s] %d/%d%s  best %s  elapsed %s  eta %s   ",
          "#".repeat(filled),
          " ".repeat(width - filled),
          done,
          snap.iterations(),
          pruned(snap),
          best,
          duration(elapsed),
          Double.isNaN(eta) ? "-" : duration(eta));
      out.flush();
    } else {
      String outcome =
          trial.status() == TrialStatus.COMPLETE
              ? "loss " + fmt(trial.loss()) + terms(trial)
              : trial.status() == TrialStatus.PRUNED
                  ? "PRUNED at step " + trial.result().prunedStep() + " (last value " + fmt(trial.loss()) + ")"
                  : trial.status() + (trial.result().error() == null ? "" : ": " + firstLine(trial.result().error()));
      out.printf(
          "trial %d (%d/%d%s) %s  time %.2fs  best %s  %s%n",
          trial.number(), done, snap.iterations(), pruned(snap), outcome, trial.result().time(), best, json(trial.parameters()));
    }
  }

  /** ", 12 pruned" once any trial was pruned (nothing in studies without a pruner). */
  static String pruned(StudySnapshot snap) {
    int n = snap.prunedCount();
    return n == 0 ? "" : ", " + n + " pruned";
  }

  synchronized void end() {
    if (live && drawn) {
      out.println();
      drawn = false;
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

  /** The search is being stopped by a signal: end the bar's line so the summary starts on a line of its own. */
  synchronized void interrupted() {
    end();
    out.flush();
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
