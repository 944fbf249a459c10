package io.hypermax.core.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.objective.Objective;
import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.pruning.TrialHandle;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.spi.SearchExhaustedException;
import io.hypermax.core.spi.SuggestRequest;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.storage.StudyStorage;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.history.TrialLog;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.concurrent.DaemonThreads;

/**
 * The one place that owns the search loop: asks the optimizer, records every trial in its
 * {@link StudyStorage}, tells listeners. Usable step by step ({@link #ask()} / {@link #tell}) or as a loop over an
 * {@link Executor} on parallel workers ({@link #run}).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Study implements AutoCloseable {
  private volatile SearchSpace space;
  private final Optimizer optimizer;
  private final Direction direction;
  private final Objective objective;
  private final long seed;
  private final int iterations;
  private final int maxFailures;
  private final StudyStorage storage;
  private final List<AutoCloseable> closeables;
  private final List<StudyListener> listeners;
  private final boolean deterministic;
  private final Pruner pruner;
  private final PrunerSettings prunerSettings;
  // Every trial's reported values (shared with snapshots), and the step at which the pruner stopped a trial.
  private final LearningCurves curves = new LearningCurves();
  private final Map<Integer, Long> pruneDecisions = new HashMap<>();
  private int prunedCount;

  // Finished trials in finish order, shared with snapshots and suggestion requests as immutable
  // views: a trial costs the same at 100,000 trials as at the first.
  private final TrialLog finished = new TrialLog();
  private final Map<Integer, Trial> running = new TreeMap<>();
  // Under search.deterministic: finished trials in number order without gaps, plus those waiting for a gap.
  private final TrialLog ordered = new TrialLog();
  private final Map<Integer, Trial> waiting = new TreeMap<>();
  /** What the optimizer said about each running trial's suggestion ({@link Optimizer#trialMetadata}). */
  private final io.hypermax.core.internal.suggestion.SuggestionMetadata suggestions =
      new io.hypermax.core.internal.suggestion.SuggestionMetadata();
  private int lag = 1;
  private Trial best;
  private final Deque<Trial> reruns = new ArrayDeque<>();
  private int nextNumber;
  private int consecutiveFailures;
  private String lastFailure;
  private volatile boolean stopping;
  private volatile Thread loopThread;
  // Human guidance in force (locks, scrambles, narrowings), applied to every suggestion; see io.hypermax.core.guidance.
  private final io.hypermax.core.guidance.Guidance guidance = new io.hypermax.core.guidance.Guidance();
  private final io.hypermax.core.guidance.GuidanceInbox inbox;

  private Study(Builder b) {
    this.space = b.space;
    this.optimizer = b.optimizer;
    this.direction = b.direction;
    this.objective = b.objective;
    this.seed = b.seed;
    this.iterations = b.iterations;
    this.maxFailures = b.maxFailures;
    this.storage = b.storage;
    this.closeables = List.copyOf(b.closeables);
    this.listeners = List.copyOf(b.listeners);
    this.deterministic = b.deterministic;
    this.pruner = b.pruner;
    this.prunerSettings = b.prunerSettings;
    this.inbox = b.inbox;
    if (b.restored != null) {
      restoreGuidance(b.restored);
      for (io.hypermax.core.storage.StoredStudy.Intermediate v : b.restored.intermediates()) {
        curves.report(v.trial(), v.step(), v.value());
      }
      for (com.fasterxml.jackson.databind.JsonNode e : b.restored.customEvents()) {
        if (PRUNE_EVENT.equals(e.path("event").asText()) && e.path("trial").canConvertToInt()) {
          pruneDecisions.put(e.get("trial").asInt(), e.path("step").asLong());
        }
      }
      for (Trial t : b.restored.finished()) {
        addFinished(withNested(t));
        curves.finished(t.number(), t.status());
      }
      for (Trial t : b.restored.abandoned()) {
        if (pruneDecisions.containsKey(t.number())) {
          // Pruned before the process died, but not yet ended: the decision stands, the trial does not run again.
          TrialResult pruned = prunedResult(t.number(), Double.NaN, null).withExtraMetadata(b.restored.abandonedMetadata(t.number()));
          Trial done = withNested(t).finish(pruned, Instant.now());
          if (storage != null) {
            storage.recordTrialEnd(done);
          }
          addFinished(done);
          curves.finished(t.number(), TrialStatus.PRUNED);
        } else {
          // Trials that were running when the previous process died run again, with the same number and parameters,
          // and with what the optimizer said about their suggestion (recorded with their start).
          reruns.add(t);
          suggestions.restore(t.number(), b.restored.abandonedMetadata(t.number()));
        }
      }
      nextNumber = b.restored.nextTrialNumber();
    }
  }

  /** The journal's custom event of a pruning decision: {"event":"prune","trial":N,"step":S}. */
  public static final String PRUNE_EVENT = "prune";

  /** Guidance recorded before a resume is in force again, in the order it was given. */
  private void restoreGuidance(StoredStudy restored) {
    for (com.fasterxml.jackson.databind.JsonNode n : restored.customEvents()) {
      if (io.hypermax.core.guidance.GuidanceEvent.isGuidance(n)) {
        try {
          guidance.apply(io.hypermax.core.guidance.Guidance.validate(io.hypermax.core.guidance.GuidanceEvent.fromJson(n), space));
        } catch (IllegalArgumentException e) {
          org.slf4j.LoggerFactory.getLogger(Study.class).warn("a journaled guidance record was not applied: {}", e.getMessage());
        }
      }
    }
  }

  /**
   * Applies guidance from now on: checked against the space, recorded in the storage (so a resume
   * keeps it), then in force for every later suggestion, whatever the optimizer.
   *
   * @return the event as applied (its value typed as the function receives it)
   * @throws IllegalArgumentException one line saying why the guidance does not fit the space
   */
  public synchronized io.hypermax.core.guidance.GuidanceEvent guide(io.hypermax.core.guidance.GuidanceEvent event) {
    io.hypermax.core.guidance.GuidanceEvent checked = io.hypermax.core.guidance.Guidance.validate(event, space);
    if (guidance.hasApplied(checked.id())) {
      return checked;
    }
    if (storage != null) {
      storage.recordCustom(checked.toJson());
    }
    guidance.apply(checked);
    if (!listeners.isEmpty()) {
      io.hypermax.core.guidance.Guidance.State state = guidance.state();
      StudySnapshot snap = snapshot();
      for (StudyListener l : listeners) {
        l.guidanceChanged(checked, state, snap);
      }
    }
    return checked;
  }

  /** The optimizer's own report of its state ({@link io.hypermax.core.spi.OptimizerState}), or just its kind. */
  public Map<String, String> optimizerState() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    out.put("optimizer", optimizer.getClass().getSimpleName());
    if (optimizer instanceof io.hypermax.core.spi.OptimizerState s) {
      try {
        out.putAll(s.state());
      } catch (RuntimeException e) {
        out.put("state", "unavailable: " + e);
      }
    }
    return out;
  }

  /** The guidance in force and its history. */
  public synchronized io.hypermax.core.guidance.Guidance.State guidance() {
    return guidance.state();
  }

  /** Applies guidance another process left in the results directory's inbox (at most one look per 200 ms). */
  public synchronized void pollGuidance(boolean force) {
    if (inbox == null) {
      return;
    }
    for (io.hypermax.core.guidance.GuidanceEvent e : inbox.poll(force)) {
      if (guidance.hasApplied(e.id())) {
        continue;
      }
      try {
        guide(e);
      } catch (IllegalArgumentException ex) {
        org.slf4j.LoggerFactory.getLogger(Study.class).warn("guidance '{}' was not applied: {}", e.describe(), ex.getMessage());
      }
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

  /** Whether trial n is suggested from exactly the trials before it ({@code search.deterministic}). */
  public boolean deterministic() {
    return deterministic;
  }

  /** The storage the study records to (null: none). */
  public StudyStorage storage() {
    return storage;
  }

  /** The study now: O(running trials), sharing the finished trials with the study (see {@link StudySnapshot}). */
  public synchronized StudySnapshot snapshot() {
    return StudySnapshot.of(space, finished.view(), List.copyOf(running.values()), direction, iterations, seed, best)
        .withCurves(curves, prunedCount);
  }

  /** Number of trials finished or running (what counts towards {@code iterations}). */
  public synchronized int trialCount() {
    return finished.size() + running.size();
  }

  /**
   * True while fewer than {@code iterations} trials are finished or running; abandoned trials waiting
   * to re-run take a slot once {@link #ask} starts them.
   */
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
      pollGuidance(false);
      int number = nextNumber;
      SuggestRequest request =
          deterministic
              ? deterministicRequest(number)
              : new SuggestRequest(
                  number, space, finished.view(), List.copyOf(running.values()), direction, TrialSeeds.forTrial(seed, number));
      boolean guided = !guidance.isEmpty();
      if (guided) {
        // The optimizer sees locked parameters as constants and narrowed ones with their narrower range.
        request =
            new SuggestRequest(
                number, guidance.constrain(space), request.finished(), request.running(), direction, request.random());
      }
      Assignment assignment;
      try {
        assignment = optimizer.suggest(request);
        if (guided) {
          assignment = guidance.enforce(assignment, space, request.random());
        }
      } catch (SearchExhaustedException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalStateException("the optimizer failed to suggest trial " + number + ": " + e, e);
      }
      nextNumber++;
      suggestions.ask(optimizer, number);
      trial = Trial.running(number, assignment, space.nest(assignment), Instant.now());
    }
    running.put(trial.number(), trial);
    curves.started(trial.number()); // a re-run reports its curve anew
    pruneDecisions.remove(trial.number());
    if (storage != null) {
      storage.recordTrialStart(trial, suggestions.of(trial.number()));
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
   * Records the result of a running trial: written to storage before listeners hear of it. The
   * study's {@link Objective} turns the raw result into the recorded one here, and only here.
   */
  public synchronized Trial tell(Trial trial, TrialResult raw) {
    Trial current = running.remove(trial.number());
    if (current == null) {
      throw new IllegalStateException("trial " + trial.number() + " is not running");
    }
    // A pruned trial is PRUNED however its function ended (returned, threw, or died of the SIGTERM).
    TrialResult result = pruneDecisions.containsKey(trial.number())
        ? prunedResult(trial.number(), raw.time(), raw)
        : objective.apply(raw);
    result = suggestions.attach(trial.number(), result);
    curves.finished(trial.number(), result.status());
    Trial done = current.finish(result, Instant.now());
    // Written (not only buffered) before the next suggestion: a SIGKILL from here on loses nothing.
    if (storage != null) {
      storage.recordTrialEnd(done);
    }
    addFinished(done);
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

  private void addFinished(Trial t) {
    finished.append(t);
    if (t.status() == TrialStatus.PRUNED) {
      prunedCount++;
    }
    if (StudySnapshot.better(t, best, direction)) {
      best = t;
    }
    if (deterministic) {
      waiting.put(t.number(), t);
      Trial next;
      while ((next = waiting.remove(ordered.size())) != null) {
        ordered.append(next);
      }
    }
  }

  /**
   * Under {@code search.deterministic}, trial n sees the trials numbered below n - lag + 1 as
   * finished (all of them: {@link #run} waits for them) and those from there to n - 1 as running,
   * whatever really finished meanwhile, so its suggestion does not depend on timing.
   */
  private SuggestRequest deterministicRequest(int number) {
    int visible = Math.max(0, Math.min(number - lag + 1, ordered.size()));
    List<Trial> inFlight = new ArrayList<>();
    for (int k = visible; k < number; k++) {
      Trial t = k < ordered.size() ? ordered.view().get(k) : waiting.containsKey(k) ? waiting.get(k) : running.get(k);
      if (t != null) {
        inFlight.add(t.isFinished() ? Trial.running(t.number(), t.assignment(), t.parameters(), t.start()) : t);
      }
    }
    return new SuggestRequest(number, space, ordered.view(visible), inFlight, direction, TrialSeeds.forTrial(seed, number));
  }

  /** Whether the next {@link #ask} may run now: under deterministic mode it waits for the trials it must see. */
  private synchronized boolean readyToAsk() {
    return !deterministic || !reruns.isEmpty() || ordered.size() >= nextNumber - lag + 1;
  }

  /**
   * Records a value a running trial reported (e.g. a validation loss per epoch) and asks the pruner.
   *
   * @return true when the trial should stop (it will be recorded as PRUNED however it ends); once true, stays true
   */
  public synchronized boolean report(Trial trial, long step, double value) {
    int n = trial.number();
    if (!running.containsKey(n)) {
      return pruneDecisions.containsKey(n); // a report after the trial ended (a late line of output) changes nothing
    }
    if (pruneDecisions.containsKey(n)) {
      return true; // a pruned trial's curve ends at the step it was pruned at (what the pruners compare)
    }
    if (storage != null) {
      storage.recordIntermediate(n, step, value);
    }
    curves.report(n, step, value);
    if (pruner == null) {
      return false;
    }
    boolean prune;
    try {
      prune = pruner.shouldPrune(new PruneRequest(n, step, value, curves, direction));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Study.class).warn("the pruner failed on trial {} step {}: {}", n, step, e.toString());
      return false;
    }
    if (prune) {
      pruneDecisions.put(n, step);
      if (storage != null) {
        ObjectNode event = JsonValues.MAPPER.createObjectNode();
        event.put("event", PRUNE_EVENT).put("trial", n).put("step", step);
        storage.recordCustom(event); // durable like a trial's end: the decision survives a crash
      }
    }
    return prune;
  }

  /** Whether the pruner stopped trial {@code number}. */
  public synchronized boolean isPruned(int number) {
    return pruneDecisions.containsKey(number);
  }

  /** The handle trial {@code trial} reports through; it reports to this study. */
  public TrialHandle handle(Trial trial) {
    return new TrialHandle() {
      @Override
      public int number() {
        return trial.number();
      }

      @Override
      public boolean report(long step, double value) {
        return Study.this.report(trial, step, value);
      }

      @Override
      public boolean shouldPrune() {
        return isPruned(trial.number());
      }
    };
  }

  /** Every trial's learning curve so far (live; each curve is immutable). */
  public LearningCurves curves() {
    return curves;
  }

  /** PRUNED with the last value the trial reported, keeping the usage and log of what it returned. */
  private TrialResult prunedResult(int number, double seconds, TrialResult raw) {
    LearningCurve c = curves.get(number);
    long step = c == null ? pruneDecisions.getOrDefault(number, -1L) : c.lastStep();
    double value = c == null ? Double.NaN : c.lastValue();
    TrialResult r = TrialResult.pruned(value, step, seconds);
    if (raw != null) {
      r = r.withUsage(raw.usage()).withLog(raw.log());
    }
    return r;
  }

  /** Why a {@link #run} ended. */
  public enum StopCause {
    /** {@code iterations} trials finished. */
    BUDGET_SPENT,
    /** The optimizer had nothing left to try. */
    EXHAUSTED,
    /** {@code maxFailures} consecutive trials failed. */
    TOO_MANY_FAILURES,
    /** {@link #stop()} (Ctrl-C, SIGTERM) or an interrupt. */
    INTERRUPTED
  }

  /**
   * How a {@link #run} ended.
   *
   * @param stopReason why the search ended before its budget, for people (null when the budget was spent)
   */
  public record Outcome(StudySnapshot snapshot, String stopReason, StopCause cause) {
    public boolean interrupted() {
      return cause == StopCause.INTERRUPTED;
    }

    public boolean tooManyFailures() {
      return cause == StopCause.TOO_MANY_FAILURES;
    }
  }

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
    // One trial at a time runs on this thread: two thread hand-offs per trial cost more than a cheap
    // trial itself on a busy machine. stop() interrupts it as shutdownNow() would a worker.
    ExecutorService pool =
        parallel == 1
            ? null
            : Executors.newFixedThreadPool(parallel, DaemonThreads.numbered("hypermax-trial-", Thread.NORM_PRIORITY));
    CompletionService<Done> completions = new ExecutorCompletionService<>(pool != null ? pool : this::runInline);
    synchronized (this) {
      lag = parallel;
    }
    int inFlight = 0;
    String stopReason = null;
    StopCause cause = null;
    boolean interrupted = false;
    try {
      while (true) {
        while (!stopping && stopReason == null && inFlight < parallel && hasBudget()) {
          if (tooManyFailures()) {
            stopReason = failureReason();
            cause = StopCause.TOO_MANY_FAILURES;
            break;
          }
          if (!readyToAsk()) {
            if (inFlight == 0) {
              throw new IllegalStateException("deterministic search waits for a trial that is not running");
            }
            break; // wait for the trials this suggestion must see
          }
          Trial trial;
          try {
            trial = ask();
          } catch (SearchExhaustedException e) {
            stopReason = e.getMessage();
            cause = StopCause.EXHAUSTED;
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
          cause = StopCause.TOO_MANY_FAILURES;
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial worker crashed", e.getCause());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      loopThread = null;
    }
    if (stopping && stopReason == null) {
      interrupted = true;
      stopReason = "interrupted";
    }
    if (interrupted) {
      cause = StopCause.INTERRUPTED;
    } else if (cause == null) {
      cause = StopCause.BUDGET_SPENT;
    }
    if (storage != null) {
      storage.sync(); // the end of a run is always durable, whatever the fsync policy
    }
    StudySnapshot snap = snapshot();
    for (StudyListener l : listeners) {
      l.studyFinished(snap);
    }
    return new Outcome(snap, stopReason, cause);
  }

  private TrialResult execute(Executor executor, Trial trial, Path logsDirectory) {
    Path log = logsDirectory == null ? null : logsDirectory.resolve("trial_" + trial.number() + ".txt");
    String logName = logsDirectory == null ? null : logsDirectory.getFileName() + "/trial_" + trial.number() + ".txt";
    TrialRequest request = request(trial, log, logName);
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

  /**
   * What an executor gets for {@code trial}: its parameters (plus the pruner's budget under
   * {@code search.pruner.budget_parameter}, when set) and the handle it reports through.
   */
  public TrialRequest request(Trial trial, Path log, String logName) {
    Map<String, Object> nested = trial.parameters();
    Map<String, Object> flat = trial.assignment().values();
    if (pruner != null && prunerSettings.budgetParameter() != null) {
      Number budget = pruner.budget(trial.number());
      if (budget != null) {
        nested = new LinkedHashMap<>(nested);
        nested.put(prunerSettings.budgetParameter(), budget);
        flat = new LinkedHashMap<>(flat);
        flat.put(prunerSettings.budgetParameter(), budget);
      }
    }
    // A handle even without a pruner: the reported values still go to the journal and the learning-curve chart.
    return new TrialRequest(trial.number(), nested, flat, log, logName, handle(trial),
        prunerSettings.graceSeconds());
  }

  private record Done(Trial trial, TrialResult result) {}

  private final Object inlineLock = new Object();
  private boolean inlineRunning;
  private boolean interruptedByStop;

  /** Runs a trial on the loop thread; an interrupt from {@link #stop()} reaches only the trial, never the journal. */
  private void runInline(Runnable trial) {
    synchronized (inlineLock) {
      inlineRunning = true;
    }
    try {
      trial.run();
    } finally {
      synchronized (inlineLock) {
        inlineRunning = false;
        if (interruptedByStop) {
          Thread.interrupted(); // the stop is handled by the loop; an interrupt from elsewhere stays set
          interruptedByStop = false;
        }
      }
    }
  }

  /** Asks a running {@link #run} to stop: no new trials start and running ones are abandoned. */
  public void stop() {
    stopping = true;
    synchronized (inlineLock) {
      Thread loop = loopThread;
      if (inlineRunning && loop != null) {
        interruptedByStop = true;
        loop.interrupt();
      }
    }
  }

  public boolean isRunning() {
    return loopThread != null;
  }

  /** Closes the storage (a last fsync) and whatever the factory attached (the directory lock). */
  @Override
  public void close() {
    RuntimeException failure = null;
    List<AutoCloseable> all = new ArrayList<>();
    if (storage != null) {
      all.add(storage);
    }
    all.addAll(closeables);
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
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
    private StudyStorage storage;
    private StoredStudy restored;
    private boolean deterministic;
    private Pruner pruner;
    private PrunerSettings prunerSettings = PrunerSettings.NONE;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<StudyListener> listeners = new ArrayList<>();
    private io.hypermax.core.guidance.GuidanceInbox inbox;

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

    /** Records the study in {@code j}. */
    public Builder journal(Journal j) {
      return storage(j);
    }

    /** Records the study in {@code s}; the study closes it. */
    public Builder storage(StudyStorage s) {
      this.storage = s;
      return this;
    }

    /** Continue from a stored state: finished trials are kept, abandoned ones run again. */
    public Builder restore(StoredStudy state) {
      this.restored = state;
      return this;
    }

    /** Trial n is suggested from exactly the trials before it, waiting for them (see docs/config.md). */
    public Builder deterministic(boolean d) {
      this.deterministic = d;
      return this;
    }

    /** Stops bad trials early: asked each time a trial reports a value ({@code search.pruner}; none by default). */
    public Builder pruner(Pruner p, PrunerSettings settings) {
      this.pruner = p;
      this.prunerSettings = settings == null ? PrunerSettings.NONE : settings;
      return this;
    }

    /** Closed with the study, after its storage (e.g. the directory lock). */
    public Builder closeWith(AutoCloseable c) {
      this.closeables.add(Objects.requireNonNull(c));
      return this;
    }

    /** Where guidance from other processes arrives (a results directory's inbox); null: none. */
    public Builder guidanceInbox(io.hypermax.core.guidance.GuidanceInbox i) {
      this.inbox = i;
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
