package io.hypermax.executors.internal.jvm;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.executors.Executors;
import java.nio.file.Path;
import java.util.Map;

/** A child JVM for {@link SystemExitInFunctionTest}: a journaled search whose third trial calls System.exit(3). */
public final class ExitingSearchMain {
  private static int calls;

  /** The objective: trial 2 exits the JVM. */
  public static double evaluate(Map<String, Object> params) {
    if (calls++ == 2) {
      System.exit(3);
    }
    return ((Number) params.get("x")).doubleValue();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Executor executor = Executors.create(
        "{\"type\":\"java_function\",\"class\":\"" + ExitingSearchMain.class.getName() + "\"}", dir, dir);
    Optimizer prior = request -> request.space().sample(request.random());
    try (Study study = Study.builder(
            SpaceParser.parse(ConfigLoader.parseTree("s.yaml", "type: object\nproperties:\n  x: {type: number, min: 0, max: 1}\n")), prior)
        .seed(1).iterations(6).journal(Journal.open(dir)).build()) {
      study.run(executor, 1, dir.resolve("logs"));
    }
  }
}
