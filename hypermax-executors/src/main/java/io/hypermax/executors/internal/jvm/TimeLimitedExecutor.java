package io.hypermax.executors.internal.jvm;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.executors.internal.process.KillLimits;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code auto_kill_max_time} for functions that run inside this JVM: the call runs on a thread of
 * its own; when the limit passes it is interrupted and abandoned, and the trial is KILLED. A JVM
 * thread cannot be killed, so a function that ignores interrupts keeps running in the background
 * (and its memory cannot be limited at all): use java_process for hard limits.
 */
final class TimeLimitedExecutor implements Executor {
  private final Executor inner;
  private final KillLimits limits;

  TimeLimitedExecutor(Executor inner, KillLimits limits) {
    this.inner = inner;
    this.limits = limits;
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    FutureTask<TrialResult> call = new FutureTask<>(() -> inner.run(request));
    Thread worker = DaemonThreads.daemon(call, "hypermax-trial-" + request.number() + "-call", Thread.NORM_PRIORITY);
    long start = System.nanoTime();
    worker.start();
    try {
      return call.get(limits.deadlineNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      double seconds = (System.nanoTime() - start) / 1e9;
      return TrialResult.killed(limits.killLoss(), limits.timeViolation(seconds), seconds)
          .withUsage(ResourceUsage.wallOnly(seconds));
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException ie) {
        throw ie;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
