package io.hypermax.core.study;

import io.hypermax.core.objective.Objective;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.SearchExhaustedException;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place that owns the search loop: asks the optimizer, records every trial in the journal,
 * tells listeners. Usable step by step ({@link #ask()} / {@link #tell}) or as a loop over an
 * {@link Executor} on parallel workers ({@link #run}).
 */
public final class Study implements AutoCloseable {
  private volatile SearchSpace space;
  private final Optimizer optimizer;
  private final Direction direction;
  private final Objective objective;
  private final long seed;
  private final int iterations;
  private final int maxFailures;
  private final Journal journal;
  private final List<StudyListener> listeners;

  // Finished trials sorted by number, and running ones: kept apart so a suggestion costs one array
  // copy of the history, not a walk over a tree of every trial.
  private final List<Trial> finished = new ArrayList<>();
  private final Map<Integer, Trial> running = new TreeMap<>();
  private final Deque<Trial> reruns = new ArrayDeque<>();
  private int nextNumber;
  private int consecutiveFailures;
  private String lastFailure;
  private volatile boolean stopping;
  private volatile Thread loopThread;

  private Study(Builder b) {
    this.space = b.space;
    this.optimizer = b.optimizer;
    this.direction = b.direction;
    this.objective = b.objective;
    this.seed = b.seed;
    this.iterations = b.iterations;
    this.maxFailures = b.maxFailures;
    this.journal = b.journal;
    this.listeners = List.copyOf(b.listeners);
    if (b.restored != null) {
      for (Trial t : b.restored.finished()) {
        insertFinished(withNested(t));
      }
      // Trials that were running when the previous process died run again, with the same number and parameters.
      for (Trial t : b.restored.abandoned()) {
        reruns.add(t);
      }
      nextNumber = b.restored.nextTrialNumber();
    }
  }

  private Trial withNested(Trial t) {
    return new Trial(t.number(), t.assignment(), space.nest(t.assignment()), t.status(), t.start(), t.end(), t.result());
  }

  public static Builder builder(SearchSpace space, Optimizer optimizer) {
    return new Builder(space, optimizer);
  }

  public SearchSpace space() {
    return space;
  }

  /** Replaces the space with a larger one (define-by-run studies register parameters as code asks for them). */
  public void updateSpace(SearchSpace newSpace) {
    this.space = Objects.requireNonNull(newSpace);
  }

  public long seed() {
    return seed;
  }

  public int iterations() {
    return iterations;
  }

  public Direction direction() {
    return direction;
  }

  public synchronized StudySnapshot snapshot() {
    List<Trial> all = new ArrayList<>(finished.size() + running.size());
    all.addAll(finished);
    all.addAll(running.values());
    all.sort(java.util.Comparator.comparingInt(Trial::number));
    return new StudySnapshot(space, all, direction, iterations, seed);
  }

  /** Number of trials finished or running (what counts towards {@code iterations}). */
  public synchronized int trialCount() {
    return finished.size() + running.size();
  }

  /** True while fewer than {@code iterations} trials are finished, running or awaiting a re-run. */
  public synchronized boolean hasBudget() {
    return finished.size() + running.size() < iterations;
  }

  /**
   * Starts a new trial: a re-run of a trial abandoned by a crash first, otherwise the optimizer's
   * suggestion. The trial is journaled as started before it is returned.
   *
   * Ask-and-tell callers own the budget: {@code ask()} does not check {@code iterations} (only
   * {@link #run} does); use {@link #hasBudget()}.
   *
   * @throws SearchExhaustedException when the optimizer has nothing left to try
   */
  public synchronized Trial ask() {
    Trial trial;
    Trial rerun = reruns.poll();
    if (rerun != null) {
      trial = Trial.running(rerun.number(), rerun.assignment(), space.nest(rerun.assignment()), Instant.now());
    } else {
      int number = nextNumber;
      SuggestRequest request =
          new SuggestRequest(
              number, space, finished, new ArrayList<>(running.values()), direction, TrialSeeds.forTrial(seed, number));
      Assignment assignment;
      try {
        assignment = optimizer.suggest(request);
      } catch (SearchExhaustedException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalStateException("the optimizer failed to suggest trial " + number + ": " + e, e);
      }
      nextNumber++;
      trial = Trial.running(number, assignment, space.nest(assignment), Instant.now());
    }
    running.put(trial.number(), trial);
    if (journal != null) {
      journal.writeStart(trial);
    }
    if (!listeners.isEmpty()) {
      StudySnapshot snap = snapshot();
      for (StudyListener l : listeners) {
        l.trialStarted(trial, snap);
      }
    }
    return trial;
  }

  /** Records the value a function returned for {@code trial} (a number, or a map with {@code loss}). */
  public Trial tell(Trial trial, Object returned) {
    double seconds = Duration.between(trial.start(), Instant.now()).toNanos() / 1e9;
    return tell(trial, returned instanceof TrialResult r ? r : ResultParser.parse(returned, seconds));
  }

  /**
   * Records the result of a running trial: journaled (and fsynced) before listeners hear of it. The
   * study's {@link Objective} turns the raw result into the recorded one here, and only here.
   */
  public synchronized Trial tell(Trial trial, TrialResult raw) {
    TrialResult result = objective.apply(raw);
    Trial current = running.remove(trial.number());
    if (current == null) {
      throw new IllegalStateException("trial " + trial.number() + " is not running");
    }
    Trial done = current.finish(result, Instant.now());
    insertFinished(done);
    if (journal != null) {
      journal.writeEnd(done);
    }
    if (done.status() == TrialStatus.FAILED) {
      consecutiveFailures++;
      lastFailure = done.result().error();
    } else {
      consecutiveFailures = 0;
    }
    if (!listeners.isEmpty()) {
      StudySnapshot snap = snapshot();
      for (StudyListener l : listeners) {
        l.trialFinished(done, snap);
      }
    }
    return done;
  }

  private void insertFinished(Trial t) {
    int i = finished.size();
    // Trials mostly finish in order: search back from the end.
    while (i > 0 && finished.get(i - 1).number() > t.number()) {
      i--;
    }
    finished.add(i, t);
  }

  /** Why and how a {@link #run} ended. */
  /**
   * @param stopReason why the search ended before its budget (null when the budget was spent)
   * @param tooManyFailures it ended because {@code maxFailures} consecutive trials failed
   */
  public record Outcome(StudySnapshot snapshot, String stopReason, boolean interrupted, boolean tooManyFailures) {}

  private boolean tooManyFailures() {
    return maxFailures > 0 && consecutiveFailures >= maxFailures;
  }

  private String failureReason() {
    return "stopped after " + consecutiveFailures + " consecutive failed trials; last error: " + lastFailure;
  }

  /**
   * Runs trials on {@code parallel} workers until {@code iterations} trials are finished, the
   * optimizer is exhausted, {@code maxFailures} consecutive trials failed, or {@link #stop()}.
   *
   * @param logsDirectory where trial logs go ({@code trial_<N>.txt}), or null
   */
  public Outcome run(Executor executor, int parallel, Path logsDirectory) {
    loopThread = Thread.currentThread();
    AtomicInteger threadCount = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallel,
            r -> {
              Thread t = new Thread(r, "hypermax-trial-" + threadCount.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    CompletionService<Done> completions = new ExecutorCompletionService<>(pool);
    int inFlight = 0;
    String stopReason = null;
    boolean interrupted = false;
    try {
      while (true) {
        while (!stopping && stopReason == null && inFlight < parallel && hasBudget()) {
          if (tooManyFailures()) {
            stopReason = failureReason();
            break;
          }
          Trial trial;
          try {
            trial = ask();
          } catch (SearchExhaustedException e) {
            stopReason = e.getMessage();
            break;
          }
          completions.submit(() -> new Done(trial, execute(executor, trial, logsDirectory)));
          inFlight++;
        }
        if (inFlight == 0) {
          break;
        }
        // Poll rather than block so stop() needs no interrupt: an interrupt would close the journal's channel.
        Future<Done> next = completions.poll(100, TimeUnit.MILLISECONDS);
        if (next == null) {
          if (stopping) {
            break;
          }
          continue;
        }
        inFlight--;
        Done done = next.get();
        if (stopping && done.result.status() != TrialStatus.COMPLETE) {
          // A trial that failed while the search stops was most likely killed by the stop itself
          // (Ctrl-C reaches the trial's processes too): leave it unfinished so a resume runs it again.
          continue;
        }
        tell(done.trial, done.result);
        if (stopReason == null && tooManyFailures()) {
          stopReason = failureReason();
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial worker crashed", e.getCause());
    } finally {
      pool.shutdownNow();
      loopThread = null;
    }
    if (stopping && stopReason == null) {
      interrupted = true;
      stopReason = "interrupted";
    }
    StudySnapshot snap = snapshot();
    for (StudyListener l : listeners) {
      l.studyFinished(snap);
    }
    return new Outcome(snap, stopReason, interrupted, !interrupted && tooManyFailures());
  }

  private static TrialResult execute(Executor executor, Trial trial, Path logsDirectory) {
    Path log = logsDirectory == null ? null : logsDirectory.resolve("trial_" + trial.number() + ".txt");
    String logName = logsDirectory == null ? null : logsDirectory.getFileName() + "/trial_" + trial.number() + ".txt";
    TrialRequest request = new TrialRequest(trial.number(), trial.parameters(), trial.assignment().values(), log, logName);
    long started = System.nanoTime();
    try {
      return executor.run(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TrialResult.failed("interrupted", (System.nanoTime() - started) / 1e9);
    } catch (RuntimeException | Error e) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      return TrialResult.failed("the executor failed: " + e + "\n" + sw, (System.nanoTime() - started) / 1e9);
    }
  }

  private record Done(Trial trial, TrialResult result) {}

  /** Asks a running {@link #run} to stop: no new trials start and running ones are abandoned. */
  public void stop() {
    stopping = true;
  }

  public boolean isRunning() {
    return loopThread != null;
  }

  @Override
  public void close() {
    if (journal != null) {
      journal.close();
    }
  }

  /** Configures a {@link Study}. */
  public static final class Builder {
    private final SearchSpace space;
    private final Optimizer optimizer;
    private Direction direction = Direction.MINIMIZE;
    private Objective objective = Objective.LOSS;
    private long seed = System.nanoTime();
    private int iterations = 100;
    private int maxFailures = 0;
    private Journal journal;
    private Journal.State restored;
    private final List<StudyListener> listeners = new ArrayList<>();

    private Builder(SearchSpace space, Optimizer optimizer) {
      this.space = Objects.requireNonNull(space);
      this.optimizer = Objects.requireNonNull(optimizer);
    }

    public Builder direction(Direction d) {
      this.direction = Objects.requireNonNull(d);
      return this;
    }

    /** How raw results become losses (the {@code metrics} section); {@link Objective#LOSS} by default. */
    public Builder objective(Objective o) {
      this.objective = Objects.requireNonNull(o);
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    public Builder iterations(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("iterations must be at least 1");
      }
      this.iterations = n;
      return this;
    }

    /** Stop after this many consecutive FAILED trials (0: never). */
    public Builder maxFailures(int n) {
      this.maxFailures = Math.max(0, n);
      return this;
    }

    public Builder journal(Journal j) {
      this.journal = j;
      return this;
    }

    /** Continue from a journal's state: finished trials are kept, abandoned ones run again. */
    public Builder restore(Journal.State state) {
      this.restored = state;
      return this;
    }

    public Builder listener(StudyListener l) {
      this.listeners.add(Objects.requireNonNull(l));
      return this;
    }

    public Study build() {
      return new Study(this);
    }
  }
}
