package io.hypermax.core.function;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.ResultLimits;
import io.hypermax.core.trial.ResultParser;
import io.hypermax.core.trial.TrialResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * Runs an {@link ObjectiveFunction} in the calling thread. A thrown exception becomes a FAILED
 * trial whose error is the exception's message and whose log holds the stack trace.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class FunctionExecutor implements Executor {
  private final ReportingFunction function;

  public FunctionExecutor(ObjectiveFunction function) {
    this.function = (parameters, trial) -> function.evaluate(parameters);
  }

  /** A function that reports intermediate values through the trial's handle (see docs/pruning.md). */
  public FunctionExecutor(ReportingFunction function) {
    this.function = function;
  }

  @Override
  public TrialResult run(TrialRequest request) throws InterruptedException {
    long start = System.nanoTime();
    ThreadUsage usage = ThreadUsage.start();
    Object returned;
    try {
      returned = function.evaluate(request.parameters(), request.handle());
    } catch (InterruptedException e) {
      throw e;
    } catch (io.hypermax.core.pruning.TrialPrunedException e) {
      // The function stopped because it was pruned: the study records PRUNED with its last reported value.
      double seconds = (System.nanoTime() - start) / 1e9;
      return TrialResult.failed("pruned", seconds).withUsage(usage.stop(seconds));
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
      double seconds = (System.nanoTime() - start) / 1e9;
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      String log = writeLog(request, trace.toString());
      String message = cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      return TrialResult.failed("the function threw " + message, seconds)
          .withLog(log)
          .withUsage(usage.stop(seconds));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    TrialResult result = ResultParser.parse(returned, seconds).withUsage(usage.stop(seconds));
    if (returned instanceof Map<?, ?> map && map.size() > 0) {
      String whole = ResultLimits.json(returned);
      if (whole.length() > ResultLimits.MAX_METADATA_CHARS) {
        // The journal keeps a cut copy (ResultLimits); the log keeps all of it.
        result = result.withLog(writeLog(request, "the whole result the function returned:\n" + whole + "\n"));
      }
    }
    return result;
  }

  private static String writeLog(TrialRequest request, String text) {
    Path file = request.logFile();
    if (file == null) {
      return null;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return request.logName();
    } catch (IOException e) {
      return null;
    }
  }
}
