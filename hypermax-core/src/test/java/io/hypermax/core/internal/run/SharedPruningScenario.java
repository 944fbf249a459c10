package io.hypermax.core.internal.run;

import static io.hypermax.core.contract.SharedStorageContract.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.history.LearningCurve;
import io.hypermax.core.history.LearningCurves;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.pruning.PrunerSettings;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.PruneRequest;
import io.hypermax.core.spi.Pruner;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A seeded interleaving of several workers pruning on one shared study, on one thread so it repeats exactly: workers
 * claim trials, report values (now and then a step twice), finish them, hand their trials back while still running
 * them (a paused worker that lost them) and die (a new process takes over with a fresh handle). At every pruner call
 * it checks that the curves {@link SharedStudyPruning} hands the pruner equal the ones it built when every report
 * reloaded the whole study ({@link #fullReload}). Public for the PostgreSQL test in hypermax-executors.
 */
public final class SharedPruningScenario {
  /** How often each case came up, so a test can tell the scenario covered them. */
  public record Counts(int comparisons, int requeuedClaims, int lateReports, int prunes, int finishedCurvesSeen,
      int deaths) {}

  private final Random random;
  private final int trials;
  private final int workers;
  private Pruner decider;
  private Worker acting;
  private int comparisons;
  private int requeuedClaims;
  private int lateReports;
  private int prunes;
  private int finishedCurvesSeen;
  private int deaths;

  public SharedPruningScenario(long seed, int trials, int workers) {
    this.random = new Random(seed);
    this.trials = trials;
    this.workers = workers;
  }

  /**
   * Decisions from {@code pruner} (instead of at random), checked to be the same on the full reload's curves: what a
   * real pruner decided before, it decides now.
   */
  public SharedPruningScenario deciding(Pruner pruner) {
    this.decider = pruner;
    return this;
  }

  /**
   * The curves the pruner saw when each report reloaded the study (the code before incremental reads, kept verbatim):
   * every stored value of a trial not in {@code own}, then {@code own}'s curves, then the finished statuses of trials
   * not in {@code own}.
   */
  public static LearningCurves fullReload(StoredStudy stored, Map<Integer, LearningCurve> own) {
    LearningCurves curves = new LearningCurves();
    for (StoredStudy.Intermediate v : stored.intermediates()) {
      if (!own.containsKey(v.trial())) {
        curves.report(v.trial(), v.step(), v.value());
      }
    }
    for (LearningCurve c : own.values()) {
      for (int i = 0; i < c.size(); i++) {
        curves.report(c.trial(), c.step(i), c.value(i));
      }
    }
    for (Trial t : stored.finished()) {
      if (!own.containsKey(t.number())) {
        curves.finished(t.number(), t.status());
      }
    }
    return curves;
  }

  /**
   * Runs the study to its end; {@code open} opens one worker's handle on it (called again for a worker that died).
   * Fails at the first pruner call whose curves differ from the full reload's.
   */
  public Counts run(Supplier<SharedStudyStorage> open) {
    List<Worker> all = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      all.add(new Worker(open));
    }
    all.get(0).storage.begin(7, trials);
    for (int tick = 0; ; tick++) {
      assertTrue(tick < trials * 400, "the scenario ends (every trial finished)");
      Worker w = all.get(random.nextInt(all.size()));
      acting = w;
      w.act();
      if (all.stream().allMatch(x -> x.running.isEmpty()) && w.storage.allFinished()) {
        break;
      }
    }
    for (Worker w : all) {
      w.storage.close();
    }
    return new Counts(comparisons, requeuedClaims, lateReports, prunes, finishedCurvesSeen, deaths);
  }

  /** Checks the curves it was given against a full reload by the reporting worker, then decides. */
  private final Pruner checking = new Pruner() {
    @Override
    public boolean shouldPrune(PruneRequest request) {
      LearningCurves before = fullReload(acting.storage.load(), acting.own);
      assertEquals(shape(before), shape(request.curves()), "the pruner's curves at report " + comparisons + " (trial "
          + request.trial() + " step " + request.step() + ")");
      comparisons++;
      if (request.curves().all().stream().anyMatch(c -> c.status().isFinished())) {
        finishedCurvesSeen++;
      }
      if (decider == null) {
        return random.nextDouble() < 0.06;
      }
      boolean now = decider.shouldPrune(request);
      boolean then = decider.shouldPrune(
          new PruneRequest(request.trial(), request.step(), request.value(), before, request.direction()));
      assertEquals(then, now, "the decision at report " + comparisons);
      return now;
    }
  };

  /** One trial a worker runs. */
  private static final class Run {
    final Trial trial;
    long step;
    int reports;
    boolean decided;
    boolean handedBack;

    Run(Trial trial) {
      this.trial = trial;
    }
  }

  /** One worker process: its storage handle, its pruning and the reference's view of its running trials. */
  private final class Worker {
    final Supplier<SharedStudyStorage> open;
    SharedStudyStorage storage;
    SharedStudyPruning pruning;
    final Map<Integer, Run> running = new TreeMap<>();
    /** What the old code kept: the curves of this worker's running trials, from this run's reports only. */
    final Map<Integer, LearningCurve> own = new HashMap<>();

    Worker(Supplier<SharedStudyStorage> open) {
      this.open = open;
      start();
    }

    private void start() {
      storage = open.get();
      pruning = new SharedStudyPruning(storage, checking, PrunerSettings.NONE, Direction.MINIMIZE);
      running.clear();
      own.clear();
    }

    void act() {
      if (running.size() < 2 && (running.isEmpty() || random.nextDouble() < 0.3)) {
        claim();
        return;
      }
      List<Run> runs = new ArrayList<>(running.values());
      Run run = runs.get(random.nextInt(runs.size()));
      double r = random.nextDouble();
      if (r < 0.012) {
        die();
      } else if (r < 0.03) {
        storage.releaseRunning(); // a pause past the heartbeat timeout: its trials go back, it runs them on
        running.values().forEach(x -> x.handedBack = true);
      } else if (run.decided || run.reports >= 12 || r < 0.14) {
        finish(run);
      } else {
        report(run);
      }
    }

    private void claim() {
      Trial t = storage.claim(new SharedStudyStorage.Suggester() {
        @Override
        public Assignment suggest(int number, List<Trial> finished, List<Trial> runningNow) {
          return new Assignment(Map.of("x", random.nextDouble()));
        }

        @Override
        public void requeued(int number, Map<String, Object> metadata) {
          requeuedClaims++;
        }
      });
      if (t != null) {
        pruning.started(t.number());
        own.remove(t.number());
        running.put(t.number(), new Run(t));
      }
    }

    private void report(Run run) {
      int n = run.trial.number();
      long step = run.step > 0 && random.nextDouble() < 0.15 ? run.step : run.step + 1 + random.nextInt(2);
      double value = Math.round(random.nextGaussian() * 1000) / 1000.0;
      own.compute(n, (k, c) -> (c == null ? LearningCurve.empty(n) : c).with(step, value));
      if (run.handedBack) {
        lateReports++;
      }
      run.step = step;
      run.reports++;
      if (pruning.report(n, step, value)) {
        run.decided = true;
        prunes++;
      }
    }

    private void finish(Run run) {
      int n = run.trial.number();
      TrialResult raw = random.nextDouble() < 0.2
          ? TrialResult.failed("boom", 0.1)
          : TrialResult.complete(random.nextDouble(), 0.1, Map.of());
      TrialResult result = pruning.outcome(n, raw);
      own.remove(n);
      assertEquals(run.decided ? TrialStatus.PRUNED : raw.status(), result.status(), "the outcome of trial " + n);
      storage.finish(run.trial.finish(result, Instant.now())); // false for a trial it lost meanwhile
      running.remove(n);
    }

    private void die() {
      deaths++;
      storage.releaseRunning();
      storage.close();
      start();
    }
  }
}
