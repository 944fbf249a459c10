package io.hypermax.executors.jvm;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
 * Reads the parameters from the file in {@code HYPERMAX_JAVA_PARAMS}, calls
 * {@code CLASS.METHOD(Map)} and writes {@code {value: …}} or {@code {error: …}} to the file in
 * {@code HYPERMAX_JAVA_RESULT}; stdout stays the model's own. Both files use Java serialization of
 * plain maps, lists and values: the JDK alone reads them, which keeps this JVM's start-up short
 * (loading a JSON library would cost more than the rest of the trial's overhead together).
 */
public final class JavaProcessMain {
  static final String PARAMS_ENV = "HYPERMAX_JAVA_PARAMS";
  static final String RESULT_ENV = "HYPERMAX_JAVA_RESULT";

  private JavaProcessMain() {}

  public static void main(String[] args) throws Exception {
    Path resultFile = Path.of(System.getenv(RESULT_ENV));
    Map<String, Object> parameters = readParameters(Path.of(System.getenv(PARAMS_ENV)));
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
      write(part, outcome);
    } catch (IOException | IllegalArgumentException e) {
      outcome.remove("value");
      fail(outcome, new IllegalStateException("the result cannot be passed back: " + e.getMessage(), e));
      write(part, outcome);
    }
    Files.move(part, resultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.flush();
    System.exit(outcome.containsKey("error") ? 1 : 0); // ends threads the model left running
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readParameters(Path file) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      in.setObjectInputFilter(SerializedValues.FILTER);
      return (Map<String, Object>) in.readObject();
    }
  }

  private static void write(Path file, Map<String, Object> outcome) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(SerializedValues.plain(outcome));
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
    } catch (IOException | RuntimeException ignored) {
      // not Linux: the monitor's samples are all there is
    }
    return usage;
  }
}
