package io.hypermax.core.internal.run;

import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.concurrent.DaemonThreads;

/**
 * Runs result generators as a study progresses: CHEAP ones after every finished trial, EXPENSIVE
 * ones on one background thread (never blocking trials, at most one pass at a time, at most one
 * every {@code minIntervalMillis} or four times the last pass's duration if longer, always on the
 * newest snapshot), and everything once at the end.
 * A generator that fails is reported through {@code warn} and never stops the search.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultPublisher implements StudyListener {
  private final List<ResultGenerator> cheap;
  private final List<ResultGenerator> expensive;
  private final Consumer<String> warn;
  private final long minIntervalMillis;
  private final ExecutorService background;
  private final AtomicReference<StudySnapshot> pending = new AtomicReference<>();
  private volatile long lastExpensiveRun;
  private volatile long lastExpensiveMillis;
  private volatile boolean closing;

  public ResultPublisher(List<ResultGenerator> generators, Consumer<String> warn, long minIntervalMillis) {
    this.cheap = generators.stream().filter(g -> g.cost() == ResultGenerator.Cost.CHEAP).toList();
    this.expensive = generators.stream().filter(g -> g.cost() == ResultGenerator.Cost.EXPENSIVE).toList();
    this.warn = warn;
    this.minIntervalMillis = minIntervalMillis;
    this.background =
        Executors.newSingleThreadExecutor(DaemonThreads.named("hypermax-results", Thread.MIN_PRIORITY));
  }

  @Override
  public void trialFinished(Trial trial, StudySnapshot snapshot) {
    runAll(cheap, snapshot);
    if (!expensive.isEmpty() && pending.getAndSet(snapshot) == null) {
      background.submit(this::drainExpensive);
    }
  }

  private void drainExpensive() {
    // Wait out the throttle in short steps so the end of the study is not delayed by it.
    // The pause grows with the pass itself (4x its duration), so generators whose work grows with the
    // number of trials take at most a fifth of a core from the search, however long the study gets.
    while (!closing && System.currentTimeMillis() < lastExpensiveRun + Math.max(minIntervalMillis, 4 * lastExpensiveMillis)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
    StudySnapshot snap = pending.getAndSet(null);
    if (snap != null && !closing) {
      long start = System.currentTimeMillis();
      runAll(expensive, snap);
      lastExpensiveRun = System.currentTimeMillis();
      lastExpensiveMillis = lastExpensiveRun - start;
    }
  }

  @Override
  public void studyFinished(StudySnapshot snapshot) {
    // No interrupt (shutdownNow): interrupted file writes fail. Let a running pass finish, skip queued ones.
    closing = true;
    background.shutdown();
    try {
      background.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runAll(cheap, snapshot);
    runAll(expensive, snapshot);
  }

  private void runAll(List<ResultGenerator> generators, StudySnapshot snapshot) {
    for (ResultGenerator g : generators) {
      try {
        g.generate(snapshot);
      } catch (Exception | LinkageError e) {
        warn.accept("result generator " + g.getClass().getSimpleName() + " failed: " + e);
      }
    }
  }
}
