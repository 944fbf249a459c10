package io.hypermax.results.detail;

import io.hypermax.core.space.Parameter;
import io.hypermax.results.analysis.NumericParameter;
import io.hypermax.results.analysis.Observations;
import io.hypermax.results.basic.AtomicFiles;
import io.hypermax.results.charts.Headless;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One full chart pass over a snapshot: one job per numeric parameter, per ordered pair of numeric
 * parameters and per categorical parameter, plus the history and importance charts, run on a small
 * pool of low-priority threads. Whatever cannot be drawn is listed in {@code notes.txt}.
 */
public final class ChartPass {
  public static final String NOTES = "notes.txt";

  private ChartPass() {}

  public static Notes run(Observations obs, Path root, int threads) throws IOException {
    Headless.ensure();
    Notes notes = new Notes();
    List<Runnable> jobs = new ArrayList<>();
    jobs.add(() -> OverviewOutputs.writeHistory(obs, root, notes));
    jobs.add(() -> OverviewOutputs.writeImportance(obs, root, notes));
    for (NumericParameter p : obs.numeric()) {
      jobs.add(() -> SingleParameterOutputs.write(obs, p, root, notes));
    }
    for (Parameter p : obs.categorical()) {
      jobs.add(() -> CategoricalOutputs.write(obs, p, root, notes));
    }
    for (NumericParameter a : obs.numeric()) {
      for (NumericParameter b : obs.numeric()) {
        if (a != b) {
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
    AtomicInteger id = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "hypermax-charts-" + id.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
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
