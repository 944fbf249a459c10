package io.hypermax.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.JsonValues;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.study.Study;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelTrialsTest {
  @TempDir Path dir;

  @Test
  void fourParallelWorkersRunFourOneSecondTrialsInAboutOneSecond() throws Exception {
    SearchSpace space = SpaceParser.parse(
        JsonValues.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\",\"min\":0,\"max\":1}}}"));
    Executor executor = Executors.create(
        "{\"type\":\"executable\",\"command\":[\"sh\",\"-c\",\"sleep 1; echo {x}\"],\"parallel\":4}", dir, dir);
    Study study = Study.builder(space, r -> r.space().sample(r.random())).seed(1).iterations(4).build();
    long start = System.nanoTime();
    Study.Outcome outcome = study.run(executor, 4, dir.resolve("logs"));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(4, outcome.snapshot().trials().size());
    for (Trial t : outcome.snapshot().trials()) {
      assertEquals(TrialStatus.COMPLETE, t.status(), String.valueOf(t.result().error()));
      assertEquals(((Number) t.flatParameters().get("x")).doubleValue(), t.loss(), 1e-9);
    }
    // Sequentially this takes over 4 s; in parallel about 1 s plus start-up on a busy machine.
    assertTrue(seconds < 3.0, "four 1-second trials on 4 workers took " + seconds + " s");
  }
}
