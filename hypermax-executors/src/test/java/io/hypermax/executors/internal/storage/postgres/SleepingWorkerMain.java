package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.run.SharedStudyWorker;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.trial.TrialResult;
import java.util.Map;

/** A worker process of sleeping trials for the tests: {@code URL ITERATIONS SLEEP_MILLIS}. */
final class SleepingWorkerMain {
  static final String SPACE = """
      type: object
      properties:
        x: {type: number, min: 0, max: 1}
        k: {enum: [a, b, c]}
      """;

  static SearchSpace space() {
    return SpaceParser.parse(ConfigLoader.parseTree("space.yaml", SPACE));
  }

  /** Random search: each trial's parameters come only from its own per-number random stream. */
  static Optimizer random() {
    return request -> request.space().sample(request.random());
  }

  static Executor sleeping(long millis) {
    return request -> {
      Thread.sleep(millis);
      Object x = request.flatParameters().get("x");
      return TrialResult.complete(((Number) x).doubleValue(), millis / 1000.0, Map.of());
    };
  }

  static int work(SharedStudyStorage storage, long seed, int iterations, long millis, int parallel) throws InterruptedException {
    long chosen = storage.begin(seed, iterations);
    return new SharedStudyWorker(storage, space(), random(), Direction.MINIMIZE, chosen, sleeping(millis), null, null)
        .run(parallel);
  }

  public static void main(String[] args) throws Exception {
    try (SharedStudyStorage s = new PostgresStorageProvider().open(args[0])) {
      System.out.println("worker " + ((PostgresStudyStorage) s).worker());
      System.out.flush();
      work(s, 42, Integer.parseInt(args[1]), Long.parseLong(args[2]), 1);
    }
  }
}
