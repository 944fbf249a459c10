package io.hypermax.cli;

import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a running search. The JVM runs this as a shutdown hook:
 * it stops the study, prints a one-line summary and the exact resume command at once (from the
 * study's in-memory snapshot, so nothing waits on a trial or a chart), then gives the final result
 * pass (results.csv, best.json, charts) a bounded time and says whether it finished. The JVM exits
 * when the hook returns, so an unfinished pass is cut short and noted with the command that redraws it.
 */
final class InterruptHandler {
  /** How long the final result pass may take after the resume hint, by default. */
  static final long FINAL_PASS_SECONDS = 5;

  private final Study study;
  private final ProgressListener progress;
  private final PrintStream err;
  private final Path resultsDirectory;
  private final String resumeCommand;
  private final String regenerateCommand;
  private final long finalPassMillis;
  private final CountDownLatch runEnded = new CountDownLatch(1);
  private final CountDownLatch summaryPrinted = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onSignal, "hypermax-shutdown");
  private volatile boolean signalled;
  private volatile boolean ended;
  private volatile Runnable beforeReport = () -> {};

  InterruptHandler(
      Study study, ProgressListener progress, PrintStream err, Path resultsDirectory, String resumeCommand, String regenerateCommand) {
    this.study = study;
    this.progress = progress;
    this.err = err;
    this.resultsDirectory = resultsDirectory;
    this.resumeCommand = resumeCommand;
    this.regenerateCommand = regenerateCommand;
    // A system property, so a test (or a user on a slow disk) can choose the bound.
    this.finalPassMillis = Long.getLong("hypermax.final-pass-seconds", FINAL_PASS_SECONDS) * 1000;
  }

  /** Runs first when a signal arrives (the console UI gives the terminal back before the summary is printed). */
  void beforeReport(Runnable r) {
    this.beforeReport = r;
  }

  void install() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The search's run returned and its final result pass is done: a hook still running may finish. */
  void runEnded() {
    ended = true;
    runEnded.countDown();
  }

  /** True when a signal stopped the search (the hook printed the summary, so the command must not). */
  boolean signalled() {
    return signalled;
  }

  /** The command printed its own summary: a signal from now on may end the JVM at once. */
  void uninstall() {
    summaryPrinted.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting and the hook is running
    }
  }

  private void onSignal() {
    if (ended) {
      // The search had finished on its own: let the command print its summary before the JVM goes.
      try {
        summaryPrinted.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    signalled = true;
    study.stop();
    beforeReport.run();
    progress.interrupted();
    err.println(summary(study.snapshot()));
    err.println("resume with: " + resumeCommand);
    err.flush();
    try {
      if (runEnded.await(finalPassMillis, TimeUnit.MILLISECONDS)) {
        err.println("results are up to date in " + resultsDirectory);
      } else {
        err.println(
            "final result pass skipped after " + finalPassMillis / 1000 + " s (charts may be out of date); redraw with: "
                + regenerateCommand);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.flush();
  }

  static String summary(StudySnapshot snap) {
    String best = snap.best().map(t -> ", best loss " + ProgressListener.fmt(t.loss()) + " (trial " + t.number() + ")").orElse("");
    return "interrupted: "
        + snap.finished().size() + " of " + snap.iterations() + " trials finished ("
        + snap.complete().size() + " complete)" + best;
  }
}
