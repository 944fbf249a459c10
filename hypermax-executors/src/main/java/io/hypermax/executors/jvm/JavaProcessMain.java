package io.hypermax.executors.jvm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of a {@code java_process} trial's JVM: {@code JavaProcessMain CLASS METHOD}.
 * Reads the parameters from the file in {@code HYPERMAX_PARAMS}, calls {@code CLASS.METHOD(Map)}
 * and writes {@code {"value": …}} or {@code {"error": …}} as JSON to the file in
 * {@code HYPERMAX_RESULT}; stdout stays the model's own.
 */
public final class JavaProcessMain {
  private JavaProcessMain() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path resultFile = Path.of(System.getenv("HYPERMAX_RESULT"));
    @SuppressWarnings("unchecked")
    Map<String, Object> parameters = json.readValue(new File(System.getenv("HYPERMAX_PARAMS")), Map.class);
    Map<String, Object> outcome = new LinkedHashMap<>();
    try {
      Method method = Class.forName(args[0]).getMethod(args[1], Map.class);
      outcome.put("value", method.invoke(null, parameters));
    } catch (InvocationTargetException e) {
      fail(outcome, e.getCause());
    } catch (Exception | LinkageError e) {
      fail(outcome, e);
    }
    outcome.put("usage", usage());
    Path part = resultFile.resolveSibling(resultFile.getFileName() + ".part");
    try {
      json.writeValue(part.toFile(), outcome);
    } catch (Exception e) {
      outcome.remove("value");
      fail(outcome, new IllegalStateException("the result cannot be written as JSON: " + e.getMessage(), e));
      json.writeValue(part.toFile(), outcome);
    }
    Files.move(part, resultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.flush();
    System.exit(outcome.containsKey("error") ? 1 : 0); // ends threads the model left running
  }

  private static void fail(Map<String, Object> outcome, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    System.err.print(trace);
    System.err.flush();
    outcome.put("error", t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    outcome.put("traceback", trace.toString());
  }

  /** This JVM's CPU time and, on Linux, its peak resident memory (VmHWM). */
  private static Map<String, Object> usage() {
    Map<String, Object> usage = new LinkedHashMap<>();
    ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).ifPresent(n -> usage.put("cpu_seconds", n / 1e9));
    try {
      List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
      for (String line : status) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          usage.put("peak_rss_mib", kib / 1024.0);
        }
      }
    } catch (Exception ignored) {
      // not Linux: the monitor's samples are all there is
    }
    return usage;
  }
}
