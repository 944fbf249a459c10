package io.hypermax.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.space.Assignment;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.TrialRequest;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples that need nothing beyond python3 and awk run one trial each, exactly as configured. */
class ExamplesTest {
  @TempDir Path results;

  @ParameterizedTest
  @ValueSource(strings = {"python/knn_search.yaml", "executable/search.yaml"})
  void exampleRunsATrial(String example) throws Exception {
    Path file = Path.of("..", "hypermax-examples", example).toAbsolutePath().normalize();
    assertTrue(Files.exists(file), file.toString());
    HypermaxConfig config = ConfigLoader.load(file);
    ExecutorProvider provider = ServiceLoader.load(ExecutorProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals(config.functionType()))
        .findFirst()
        .orElseThrow();
    try (Executor executor = provider.create(new ExecutorProvider.Context(config.function(), config.directory(), results))) {
      Assignment a = config.space().sample(new SplittableRandom(5));
      TrialResult r = executor.run(new TrialRequest(0, config.space().nest(a), a.values(), results.resolve("logs/trial_0.txt"), "logs/trial_0.txt"));
      assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
      assertTrue(r.loss() >= 0 && r.loss() < 1000, "loss " + r.loss());
      assertTrue(Files.readString(results.resolve("logs/trial_0.txt")).length() > 0);
    }
  }
}
