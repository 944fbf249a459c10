package io.hypermax.executors.internal.jvm;

import io.hypermax.core.internal.concurrent.DaemonThreads;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResourceUsage;
import io.hypermax.core.trial.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes a {@code System.exit} inside an in-JVM function visible. Each call runs on a thread of its
 * own; a JVM shutdown hook looks at the calls still running, and one whose thread is inside
 * {@code Runtime.exit} is ended as a FAILED trial ("the function called System.exit"). Its waiting
 * worker returns that result, so the study journals it while the shutdown hooks run; the hook
 * waits for that (bounded by {@link #RECORD_WAIT_MILLIS}). Calls that start after the exit are held
 * until the JVM halts, so no new trial begins.
 *
 * <p>The exit code is not visible to hypermax: Java 17 offers no way to read it from a shutdown
 * hook (short of the deprecated SecurityManager), so the message says that the code is unknown.
 * This cannot keep the JVM alive: untrusted code belongs in {@code java_process}.
 */
final class ExitWatchingExecutor implements Executor {
  /** How long the hook lets the study journal the FAILED trial before the JVM goes. */
  static final long RECORD_WAIT_MILLIS = 3_000;
  static final String MESSAGE =
      "the function called System.exit (the exit code is not visible to hypermax); this ended the search."
          + " Use function.type: java_process for code that may exit";

  private static final Map<Call, Boolean> RUNNING = new ConcurrentHashMap<>();
  private static final AtomicBoolean EXITING = new AtomicBoolean();
  private static final CompletableFuture<Void> RECORDED = new CompletableFuture<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExitWatchingExecutor::onShutdown, "hypermax-exit-watch"));
  }

  private final Executor inner;

  ExitWatchingExecutor(Executor inner) {
    this.inner = inner;
  }

  private record Call(TrialRequest request, Thread thread, CompletableFuture<TrialResult> result, long start) {}

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    if (EXITING.get()) {
      // The function's System.exit is under way: the previous trial has been reported, start no other.
      RECORDED.complete(null);
      Thread.sleep(Long.MAX_VALUE);
    }
    CompletableFuture<TrialResult> result = new CompletableFuture<>();
    Thread thread = DaemonThreads.daemon(() -> {
      try {
        result.complete(inner.run(request));
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }, "hypermax-trial-" + request.number() + "-function", Thread.NORM_PRIORITY);
    Call call = new Call(request, thread, result, System.nanoTime());
    RUNNING.put(call, Boolean.TRUE);
    try {
      thread.start();
      return result.get();
    } catch (InterruptedException e) {
      thread.interrupt(); // as when the function ran on the caller's thread
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException ie) {
        throw ie;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      RUNNING.remove(call);
    }
  }

  /** The shutdown hook: ends the calls that are inside System.exit as FAILED trials. */
  private static void onShutdown() {
    boolean any = false;
    for (Call call : RUNNING.keySet()) {
      if (callsExit(call.thread())) {
        any = true;
        EXITING.set(true);
        double seconds = (System.nanoTime() - call.start()) / 1e9;
        note(call.request());
        call.result().complete(
            TrialResult.failed(MESSAGE, seconds)
                .withUsage(ResourceUsage.wallOnly(seconds))
                .withLog(call.request().logFile() == null ? null : call.request().logName()));
      }
    }
    if (any) {
      try {
        // Completed when the study asks this executor for the next trial, i.e. after it journaled this one.
        RECORDED.get(RECORD_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // the study had no next trial to ask for (budget spent) or is slow: the JVM goes now
      }
    }
  }

  /** True when {@code thread} is inside Runtime.exit (System.exit calls it). */
  static boolean callsExit(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if ("java.lang.Runtime".equals(frame.getClassName()) && "exit".equals(frame.getMethodName())) {
        return true;
      }
    }
    return false;
  }

  private static void note(TrialRequest request) {
    if (request.logFile() == null) {
      return;
    }
    try {
      Files.createDirectories(request.logFile().getParent());
      Files.writeString(request.logFile(), MESSAGE + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the result still says it
    }
  }
}
