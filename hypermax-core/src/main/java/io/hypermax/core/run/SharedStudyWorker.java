package io.hypermax.core.run;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.study.Direction;
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

/**
 * One worker process of a study shared through a {@link SharedStudyStorage}: {@code parallel}
 * threads claim trials, run them and record them, while a heartbeat keeps this worker's running
 * trials its own. The worker ends when every slot of the study is finished, by anyone.
 */
public final class SharedStudyWorker {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedStudyWorker.class);
  private static final long IDLE_POLL_MILLIS = 200;

  private final SharedStudyStorage storage;
  private final SearchSpace space;
  private final Optimizer optimizer;
  private final Direction direction;
  private final long seed;
  private final Executor executor;
  private final Path logs;
  private final Consumer<Trial> onFinished;
  private volatile boolean stopping;

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
  }

  private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

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
      storage.requeueStale();
      Trial trial = storage.claim(this::suggest);
      if (trial == null) {
        if (storage.allFinished()) {
          return;
        }
        // Others are still running trials; one of them may die, and its trial comes back to the queue.
        sleep(IDLE_POLL_MILLIS);
        continue;
      }
      TrialResult result = execute(trial);
      if (stopping && result.status() != io.hypermax.core.trial.TrialStatus.COMPLETE) {
        return; // ended by the stop: run() hands it back to the study (releaseRunning) with its parameters
      }
      Trial done = trial.finish(result, Instant.now());
      if (storage.finish(done)) {
        recorded.incrementAndGet();
        if (onFinished != null) {
          onFinished.accept(done);
        }
      }
    }
  }

  private io.hypermax.core.space.Assignment suggest(int number, List<Trial> finished, List<Trial> running) {
    // The same random stream per trial number as a local study: a seeded random search is reproducible.
    return optimizer.suggest(
        new SuggestRequest(number, space, nested(finished), nested(running), direction, TrialSeeds.forTrial(seed, number)));
  }

  private List<Trial> nested(List<Trial> trials) {
    List<Trial> out = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      out.add(new Trial(t.number(), t.assignment(), space.nest(t.assignment()), t.status(), t.start(), t.end(), t.result()));
    }
    return out;
  }

  private TrialResult execute(Trial trial) {
    Trial nested = new Trial(trial.number(), trial.assignment(), space.nest(trial.assignment()), trial.status(), trial.start(), trial.end(), trial.result());
    Path log = logs == null ? null : logs.resolve("trial_" + trial.number() + ".txt");
    String logName = logs == null ? null : logs.getFileName() + "/trial_" + trial.number() + ".txt";
    long started = System.nanoTime();
    try {
      return executor.run(new TrialRequest(trial.number(), nested.parameters(), trial.assignment().values(), log, logName));
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
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
