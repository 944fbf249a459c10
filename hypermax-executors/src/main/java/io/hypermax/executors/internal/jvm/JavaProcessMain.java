package io.hypermax.executors.internal.jvm;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * The main class of a {@code java_process} trial's JVM: {@code JavaProcessMain CLASS METHOD}.
 * Reads the parameters as JSON from the file in {@code HYPERMAX_PARAMS}, calls
 * {@code CLASS.METHOD(Map)} and writes {@code {"value": …}} or {@code {"error": …}} as JSON to the
 * file in {@code HYPERMAX_RESULT}; stdout stays the model's own.
 *
 * <p>Start-up time is this class's whole cost, so it sticks to classes the JVM has already loaded
 * (java.io, no lambdas, no NIO, no JSON library): see {@link MiniJson}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JavaProcessMain {
  private JavaProcessMain() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    File resultFile = new File(System.getenv("HYPERMAX_RESULT"));
    Map<String, Object> parameters = (Map<String, Object>) MiniJson.parse(read(new File(System.getenv("HYPERMAX_PARAMS"))));
    Map<String, Object> outcome = new LinkedHashMap<>();
    try {
      Class<?> type = Class.forName(args[0]);
      Method method;
      Object value;
      try {
        // A model that reports intermediate values takes the trial's handle (docs/pruning.md).
        method = type.getMethod(args[1], Map.class, io.hypermax.core.pruning.TrialHandle.class);
        value = method.invoke(null, parameters, io.hypermax.core.pruning.ProcessTrialHandle.fromEnvironment(trialNumber(), System.out));
      } catch (NoSuchMethodException e) {
        method = type.getMethod(args[1], Map.class);
        value = method.invoke(null, parameters);
      }
      outcome.put("value", value);
    } catch (InvocationTargetException e) {
      fail(outcome, e.getCause());
    } catch (Exception | LinkageError e) {
      fail(outcome, e);
    }
    outcome.put("usage", usage());
    String json;
    try {
      json = MiniJson.write(outcome);
    } catch (IllegalArgumentException e) {
      outcome.remove("value");
      fail(outcome, new IllegalStateException("the result cannot be passed back: " + e.getMessage(), e));
      json = MiniJson.write(outcome);
    }
    // String.concat, not "+": a "+" bootstraps invokedynamic string concatenation, milliseconds of start-up.
    File part = new File(resultFile.getPath().concat(".part"));
    try (FileOutputStream out = new FileOutputStream(part)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    if (!part.renameTo(resultFile)) {
      throw new IOException("cannot rename " + part + " to " + resultFile);
    }
    System.out.flush();
    System.exit(outcome.containsKey("error") ? 1 : 0); // ends threads the model left running
  }

  /** The trial number hypermax put in the environment, or -1. */
  private static int trialNumber() {
    String n = System.getenv("HYPERMAX_TRIAL_NUMBER");
    try {
      return n == null ? -1 : Integer.parseInt(n);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String read(File file) throws IOException {
    try (FileInputStream in = new FileInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void fail(Map<String, Object> outcome, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    System.err.print(trace);
    System.err.flush();
    outcome.put("error", t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    outcome.put("traceback", trace.toString());
  }

  /** On Linux: this JVM's CPU time (/proc/self/stat) and peak resident memory (VmHWM). */
  private static Map<String, Object> usage() {
    Map<String, Object> usage = new LinkedHashMap<>();
    try {
      String stat = read(new File("/proc/self/stat"));
      // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      usage.put("cpu_seconds", (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0); // USER_HZ is 100 on Linux
      String status = read(new File("/proc/self/status"));
      int at = status.indexOf("VmHWM:");
      if (at >= 0) {
        String kib = status.substring(at + 6, status.indexOf('\n', at)).replace("kB", "").trim();
        usage.put("peak_rss_mib", Long.parseLong(kib) / 1024.0);
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux: the monitor's samples are all there is
    }
    return usage;
  }
}
