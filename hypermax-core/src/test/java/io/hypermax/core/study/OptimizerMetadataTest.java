package io.hypermax.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.trial.Trial;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Optimizer.trialMetadata} reaches the trial's recorded metadata; the function's own keys win. */
class OptimizerMetadataTest {

  static final class Noting implements io.hypermax.core.spi.Optimizer {
    private final PriorSampler prior = new PriorSampler();

    @Override
    public io.hypermax.core.space.Assignment suggest(io.hypermax.core.spi.SuggestRequest request) {
      return prior.suggest(request);
    }

    @Override
    public java.util.Map<String, Object> trialMetadata(int trialNumber) {
      return Map.of("opt.step", trialNumber, "shared", "optimizer");
    }
  }

  @Test
  void theStudyAddsWhatTheOptimizerSaidToEachTrial() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    try (Study study = Study.builder(space, new Noting()).seed(1).iterations(3).build()) {
      for (int i = 0; i < 3; i++) {
        Trial t = study.ask();
        Trial done = study.tell(t, Map.of("loss", 0.5, "shared", "function"));
        assertEquals(t.number(), done.result().metadata().get("opt.step"));
        assertEquals("function", done.result().metadata().get("shared"));
      }
    }
  }

  @Test
  void optimizersWithoutMetadataChangeNothing() {
    SearchSpace space = SearchSpace.builder().number("x", 0, 1).build();
    try (Study study = Study.builder(space, new PriorSampler()).seed(1).iterations(1).build()) {
      Trial done = study.tell(study.ask(), Map.of("loss", 0.5));
      assertEquals(Map.of(), done.result().metadata());
    }
  }

}
