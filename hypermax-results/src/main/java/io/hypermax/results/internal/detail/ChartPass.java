package io.hypermax.results.internal.detail;

import io.hypermax.core.space.Parameter;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.results.internal.analysis.Importance;
import java.util.Optional;
import io.hypermax.results.internal.analysis.NumericParameter;
import io.hypermax.results.internal.analysis.Observations;
import io.hypermax.results.internal.files.AtomicFiles;
import io.hypermax.results.internal.charts.Headless;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.concurrent.DaemonThreads;

/**
 * One full chart pass over a snapshot, run on a small pool of low-priority threads: the history, importance, EDF,
 * parallel coordinates and timeline, a slice per parameter and contours of the top pairs ({@link ChartSet#SUMMARY}),
 * the learning curves and the atpe actions when the study has them;
 * with {@link ChartSet#ALL} also the original's files, one job per numeric parameter, per unordered pair of numeric
 * parameters and per categorical parameter. Whatever cannot be drawn is listed in {@code notes.txt}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChartPass {
  public static final String NOTES = "notes.txt";

  private ChartPass() {}

  public static Notes run(StudySnapshot snapshot, Path root, int threads, ChartSet set) throws IOException {
    return run(snapshot, root, threads, set, false);
  }

  /** @param redraw draw every chart, also those whose data did not change since the last pass */
  public static Notes run(StudySnapshot snapshot, Path root, int threads, ChartSet set, boolean redraw) throws IOException {
    if (!redraw) {
      return pass(snapshot, root, threads, set);
    }
    ChartFile.redrawUnder(root);
    try {
      return pass(snapshot, root, threads, set);
    } finally {
      ChartFile.reuseUnder(root);
    }
  }

  private static Notes pass(StudySnapshot snapshot, Path root, int threads, ChartSet set) throws IOException {
    Headless.ensure();
    Observations obs = Observations.of(snapshot);
    Notes notes = new Notes();
    List<Runnable> jobs = new ArrayList<>();
    Optional<Importance> importance = Optional.empty();
    try {
      importance = Optional.of(OverviewOutputs.importance(obs));
    } catch (Skip s) {
      // the importance job notes why; contours then take the first parameters in space order
    }
    jobs.add(() -> OverviewOutputs.writeHistory(obs, root, notes));
    jobs.add(() -> OverviewOutputs.writeImportance(obs, root, notes));
    jobs.add(() -> SummaryOutputs.writeEdf(obs, root, notes));
    jobs.add(() -> SummaryOutputs.writeParallel(obs, root, notes));
    jobs.add(() -> SummaryOutputs.writeTimeline(snapshot, root, notes));
    jobs.add(() -> LearningCurveOutputs.write(snapshot, root, notes));
    jobs.add(() -> AtpeActionOutputs.write(snapshot, root, notes));
    for (NumericParameter p : obs.numeric()) {
      jobs.add(() -> SummaryOutputs.writeSlice(obs, p, root, notes));
    }
    for (Parameter p : obs.categorical()) {
      jobs.add(() -> SummaryOutputs.writeSlice(obs, p, root, notes));
    }
    List<NumericParameter[]> top = SummaryOutputs.topPairs(obs, importance);
    for (NumericParameter[] pair : top) {
      jobs.add(() -> SummaryOutputs.writeContour(obs, pair[0], pair[1], root, notes));
    }
    for (int i = 0; i < obs.numeric().size(); i++) {
      for (int j = i + 1; j < obs.numeric().size(); j++) {
        NumericParameter a = obs.numeric().get(i);
        NumericParameter b = obs.numeric().get(j);
        if (top.stream().noneMatch(pair -> pair[0] == a && pair[1] == b)) {
          SummaryOutputs.removeContour(root, a, b);
        }
      }
    }
    if (set == ChartSet.ALL) {
      for (NumericParameter p : obs.numeric()) {
        jobs.add(() -> SingleParameterOutputs.write(obs, p, root, notes));
      }
      for (Parameter p : obs.categorical()) {
        jobs.add(() -> CategoricalOutputs.write(obs, p, root, notes));
      }
      // one job per unordered pair: the original drew every pair twice, transposed
      for (int i = 0; i < obs.numeric().size(); i++) {
        for (int j = i + 1; j < obs.numeric().size(); j++) {
          NumericParameter a = obs.numeric().get(i);
          NumericParameter b = obs.numeric().get(j);
          jobs.add(() -> PairOutputs.write(obs, a, b, root, notes));
        }
      }
    }
    runAll(jobs, threads);
    StringBuilder text = new StringBuilder();
    text.append("# Charts that were not drawn, and why (regenerated with every pass)\n");
    notes.lines().forEach(l -> text.append(l).append('\n'));
    AtomicFiles.write(root.resolve(NOTES), text.toString());
    return notes;
  }

  private static void runAll(List<Runnable> jobs, int threads) throws IOException {
    if (threads <= 1) {
      jobs.forEach(Runnable::run);
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, DaemonThreads.numbered("hypermax-charts-", Thread.MIN_PRIORITY));
    try {
      List<Future<?>> futures = new ArrayList<>();
      jobs.forEach(j -> futures.add(pool.submit(j)));
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("chart pass interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("chart job failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
