package io.hypermax.core.internal.run;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.TrialSeeds;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.concurrent.DaemonThreads;

/**
 * One worker process of a study shared through a {@link SharedStudyStorage}: {@code parallel}
 * threads claim trials, run them and record them, while a heartbeat keeps this worker's running
 * trials its own. The worker ends when every slot of the study is finished, by anyone.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SharedStudyWorker {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedStudyWorker.class);
  private static final long IDLE_POLL_MILLIS = 200;
  private static final long DETERMINISTIC_POLL_MILLIS = 25;

  private final SharedStudyStorage storage;
  private final SearchSpace space;
  private final Optimizer optimizer;
  private final Direction direction;
  private final long seed;
  private final Executor executor;
  private final Path logs;
  private final Consumer<Trial> onFinished;
  private volatile boolean stopping;
  private int maxFailures;
  private int deterministicLag;
  /** Nested copies of finished trials, made once each (finished trials never change). */
  private final java.util.Map<Integer, Trial> nestedFinished = new java.util.concurrent.ConcurrentHashMap<>();
  private final FailureStreak failures = new FailureStreak();
  private volatile String stopReason;
  private final Object claimLock = new Object();
  /** What the optimizer said about each running trial's suggestion; added to its result as in a local study. */
  private final io.hypermax.core.internal.suggestion.SuggestionMetadata suggestions =
      new io.hypermax.core.internal.suggestion.SuggestionMetadata();
  private final SharedStudyStorage.Suggester suggester = new SharedStudyStorage.Suggester() {
    @Override
    public io.hypermax.core.space.Assignment suggest(int number, List<Trial> finished, List<Trial> running) {
      return SharedStudyWorker.this.suggest(number, finished, running);
    }

    @Override
    public java.util.Map<String, Object> metadata(int number) {
      return suggestions.of(number);
    }

    @Override
    public void requeued(int number, java.util.Map<String, Object> metadata) {
      suggestions.restore(number, metadata);
    }
  };
  /** Reports go to the shared storage; {@code search.pruner} (none by default) decides across workers. */
  private SharedStudyPruning pruning;

  public SharedStudyWorker(
      SharedStudyStorage storage, SearchSpace space, Optimizer optimizer, Direction direction, long seed,
      Executor executor, Path logs, Consumer<Trial> onFinished) {
    this.storage = storage;
    this.space = space;
    this.optimizer = optimizer;
    this.direction = direction;
    this.seed = seed;
    this.executor = executor;
    this.logs = logs;
    this.onFinished = onFinished;
    this.pruning = new SharedStudyPruning(storage, null, null, direction);
  }

  /**
   * {@code search.pruner} across workers: each report is recorded in the shared study and the pruner
   * sees every worker's curves; a stopped trial is recorded PRUNED. Null pruner: reports recorded only.
   */
  public SharedStudyWorker pruner(io.hypermax.core.spi.Pruner pruner, io.hypermax.core.pruning.PrunerSettings settings) {
    this.pruning = new SharedStudyPruning(storage, pruner, settings, direction);
    return this;
  }

  private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * {@code function.max_failures}: the worker stops when the study's last {@code n} finished trials
   * (from all workers, as this worker last saw them) or this worker's own last {@code n} all FAILED.
   * 0 never stops. Every worker of the study applies it, so all of them stop.
   */
  public SharedStudyWorker maxFailures(int n) {
    this.maxFailures = Math.max(0, n);
    return this;
  }

  /**
   * {@code search.deterministic} across workers: trial n is suggested from exactly the trials
   * numbered below n - lag + 1 (it waits for them, whoever runs them), with n - lag + 1 .. n - 1 shown
   * as running, so its parameters do not depend on timing. Every worker must use the same lag.
   * 0 turns it off.
   */
  public SharedStudyWorker deterministic(int lag) {
    this.deterministicLag = Math.max(0, lag);
    return this;
  }

  /** Why the worker stopped before the study was finished ({@code max_failures}), or null. */
  public String stopReason() {
    return stopReason;
  }

  /**
   * Asks the worker to stop: its running trials are interrupted (executors end them promptly) and
   * handed back to the study at once with their parameters, so other workers run them again.
   */
  public void stop() {
    stopping = true;
    for (Thread t : threads) {
      t.interrupt();
    }
  }

  /** Runs until the study is finished (or {@link #stop}); returns how many trials this worker recorded. */
  public int run(int parallel) throws InterruptedException {
    AtomicInteger recorded = new AtomicInteger();
    ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hypermax-heartbeat"));
    long every = storage.heartbeatMillis();
    beat.scheduleWithFixedDelay(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    RuntimeException[] failure = new RuntimeException[1];
    try {
      for (int i = 0; i < parallel; i++) {
        Thread t = daemon(() -> {
          try {
            loop(recorded);
          } catch (RuntimeException e) {
            synchronized (failure) {
              failure[0] = failure[0] == null ? e : failure[0];
            }
            stopping = true;
          }
        }, "hypermax-worker-" + i);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      beat.shutdownNow();
      if (stopping) {
        storage.releaseRunning();
      }
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return recorded.get();
  }

  private void loop(AtomicInteger recorded) {
    while (!stopping) {
      if (stopForFailures()) {
        return;
      }
      storage.requeueStale();
      Trial trial;
      // One claim at a time per worker: the optimizer is asked in trial-number order, as in a local study
      // (optimizers keep state between suggestions and need not be thread-safe).
      synchronized (claimLock) {
        trial = storage.claim(suggester);
      }
      if (trial == null) {
        if (storage.allFinished() || stopForFailures()) {
          return;
        }
        // Others are still running trials; one of them may die, and its trial comes back to the queue.
        // Under deterministic mode the next trial waits for earlier ones: look again soon.
        sleep(deterministicLag > 0 ? DETERMINISTIC_POLL_MILLIS : IDLE_POLL_MILLIS);
        continue;
      }
      pruning.started(trial.number());
      TrialResult result = pruning.outcome(trial.number(), execute(trial));
      if (stopping && result.status() != io.hypermax.core.trial.TrialStatus.COMPLETE
          && result.status() != io.hypermax.core.trial.TrialStatus.PRUNED) {
        return; // ended by the stop: run() hands it back to the study (releaseRunning) with its parameters
      }
      Trial done = trial.finish(suggestions.attach(trial.number(), result), Instant.now());
      if (storage.finish(done)) {
        recorded.incrementAndGet();
        if (onFinished != null) {
          onFinished.accept(done);
        }
        failures.own(done);
      }
    }
  }

  /** True (and the whole worker stopping) once max_failures consecutive trials failed. */
  private boolean stopForFailures() {
    String why = failures.verdict(maxFailures);
    if (why == null) {
      return false;
    }
    stopReason = why;
    stopping = true; // the other threads' running trials end and are handed back (releaseRunning)
    threads.forEach(t -> {
      if (t != Thread.currentThread()) {
        t.interrupt();
      }
    });
    return true;
  }

  /** Counts consecutive FAILED trials: this worker's own, and the tail of the study as last seen. */
  private static final class FailureStreak {
    private int own;
    private int study;
    private String lastError;

    synchronized void own(Trial t) {
      if (t.status() == io.hypermax.core.trial.TrialStatus.FAILED) {
        own++;
        lastError = t.result().error();
      } else {
        own = 0;
      }
    }

    synchronized void seen(List<Trial> finished) {
      int n = 0;
      for (int i = finished.size() - 1; i >= 0 && finished.get(i).status() == io.hypermax.core.trial.TrialStatus.FAILED; i--) {
        n++;
        if (n == 1) {
          lastError = finished.get(i).result().error();
        }
      }
      study = n;
    }

    synchronized String verdict(int max) {
      int streak = Math.max(own, study);
      return max > 0 && streak >= max
          ? "stopped after " + streak + " consecutive failed trials (max_failures " + max + "); last error: " + lastError
          : null;
    }
  }

  private io.hypermax.core.space.Assignment suggest(int number, List<Trial> finished, List<Trial> running) {
    failures.seen(finished);
    if (failures.verdict(maxFailures) != null) {
      return null; // the loop stops this worker; claim nothing more
    }
    List<Trial> done = nestedFinished(finished);
    List<Trial> live = nested(running);
    if (deterministicLag > 0) {
      // Trial n sees exactly 0 .. n-lag as finished and the rest below n as running, whatever finished meanwhile.
      int visible = Math.max(0, number - deterministicLag + 1);
      java.util.Map<Integer, Trial> byNumber = new java.util.HashMap<>();
      done.forEach(t -> byNumber.put(t.number(), t));
      List<Trial> before = new ArrayList<>(visible);
      for (int k = 0; k < visible; k++) {
        Trial t = byNumber.get(k);
        if (t == null) {
          return null; // an earlier trial is still running somewhere: wait for it
        }
        before.add(t);
      }
      java.util.Map<Integer, Trial> runningByNumber = new java.util.HashMap<>();
      live.forEach(t -> runningByNumber.put(t.number(), t));
      List<Trial> inFlight = new ArrayList<>();
      for (int k = visible; k < number; k++) {
        Trial t = byNumber.get(k);
        if (t != null) {
          inFlight.add(Trial.running(t.number(), t.assignment(), t.parameters(), t.start()));
        } else if (runningByNumber.containsKey(k)) {
          inFlight.add(runningByNumber.get(k));
        } else {
          return null; // trial k is being claimed by another worker right now: its parameters are not known yet
        }
      }
      done = before;
      live = inFlight;
    }
    // The same random stream per trial number as a local study: a seeded random search is reproducible.
    io.hypermax.core.space.Assignment a =
        optimizer.suggest(new SuggestRequest(number, space, done, live, direction, TrialSeeds.forTrial(seed, number)));
    if (a != null) {
      suggestions.ask(optimizer, number);
    }
    return a;
  }

  private List<Trial> nestedFinished(List<Trial> finished) {
    List<Trial> out = new ArrayList<>(finished.size());
    for (Trial t : finished) {
      out.add(nestedFinished.computeIfAbsent(t.number(), n -> nest(t)));
    }
    return out;
  }

  private List<Trial> nested(List<Trial> trials) {
    List<Trial> out = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      out.add(nest(t));
    }
    return out;
  }

  private Trial nest(Trial t) {
    return new Trial(t.number(), t.assignment(), space.nest(t.assignment()), t.status(), t.start(), t.end(), t.result());
  }

  private TrialResult execute(Trial trial) {
    Trial nested = new Trial(trial.number(), trial.assignment(), space.nest(trial.assignment()), trial.status(), trial.start(), trial.end(), trial.result());
    Path log = logs == null ? null : logs.resolve("trial_" + trial.number() + ".txt");
    String logName = logs == null ? null : logs.getFileName() + "/trial_" + trial.number() + ".txt";
    long started = System.nanoTime();
    try {
      java.util.Map<String, Object> params = nested.parameters();
      java.util.Map<String, Object> flat = trial.assignment().values();
      java.util.Map.Entry<String, Number> budget = pruning.budget(trial.number());
      if (budget != null) {
        params = new java.util.LinkedHashMap<>(params);
        params.put(budget.getKey(), budget.getValue());
        flat = new java.util.LinkedHashMap<>(flat);
        flat.put(budget.getKey(), budget.getValue());
      }
      return executor.run(new TrialRequest(trial.number(), params, flat, log, logName,
          pruning.handle(trial.number()), pruning.graceSeconds()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TrialResult.failed("interrupted", (System.nanoTime() - started) / 1e9);
    } catch (RuntimeException e) {
      return TrialResult.failed("the executor failed: " + e, (System.nanoTime() - started) / 1e9);
    }
  }

  private void beatQuietly() {
    try {
      storage.heartbeat();
    } catch (RuntimeException e) {
      LOG.warn("heartbeat failed: {}", e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    return DaemonThreads.daemon(r, name, Thread.NORM_PRIORITY);
  }
}
