package io.hypermax.executors;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** Test helpers: build an executor from a function section written as JSON, run one trial. */
public final class Executors {
  /** The real python3 behind any pyenv shim, found once: tests should not pay a shim's start-up per trial. */
  public static final String PYTHON = realPython();

  private Executors() {}

  private static String realPython() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 && !out.isEmpty() ? out : "python3";
    } catch (IOException e) {
      return "python3";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "python3";
    }
  }

  public static Executor create(String functionJson, Path configDir, Path resultsDir) {
    ConfigNode function;
    try {
      function = new ConfigNode("search.json", "function", JsonValues.MAPPER.readTree(functionJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = function.requireString("type");
    for (ExecutorProvider p : ServiceLoader.load(ExecutorProvider.class)) {
      if (p.id().equals(type)) {
        return p.create(new ExecutorProvider.Context(function, configDir, resultsDir));
      }
    }
    throw new IllegalArgumentException("no executor " + type);
  }

  public static TrialRequest request(int number, Map<String, Object> params, Path resultsDir) {
    Path log = resultsDir == null ? null : resultsDir.resolve("logs/trial_" + number + ".txt");
    return new TrialRequest(number, params, flatten("", params, new LinkedHashMap<>()), log, "logs/trial_" + number + ".txt");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flatten(String prefix, Map<String, Object> nested, Map<String, Object> out) {
    for (Map.Entry<String, Object> e : nested.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue() instanceof Map<?, ?> m) {
        flatten(key, (Map<String, Object>) m, out);
      } else {
        out.put(key, e.getValue());
      }
    }
    return out;
  }

  public static TrialResult runOne(Executor executor, Map<String, Object> params, Path resultsDir) throws InterruptedException {
    return executor.run(request(0, params, resultsDir));
  }

  public static String log(Path resultsDir, int trial) throws IOException {
    return Files.readString(resultsDir.resolve("logs/trial_" + trial + ".txt"));
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
