package io.hypermax.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.study.Study;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import io.hypermax.core.history.StudySnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A loss of -inf must never become the best trial; NaN and ±inf make a trial FAILED, saying so. */
class NonFiniteLossTest {

  @ParameterizedTest
  @ValueSource(doubles = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN})
  void aNonFiniteLossIsAFailedTrialThatNamesTheValue(double loss) {
    for (Object returned : new Object[] {loss, Map.of("loss", loss)}) {
      TrialResult r = ResultParser.parse(returned, 1);
      assertEquals(TrialStatus.FAILED, r.status());
      assertTrue(r.error().contains("the loss is " + loss) && r.error().contains("finite"), r.error());
    }
  }

  @Test
  void minusInfinityNeverBecomesTheBestTrial() {
    SearchSpace space = SpaceParser.parse(io.hypermax.core.internal.config.ConfigLoader.parseTree("s.yaml",
        "type: object\nproperties:\n  x: {type: number, min: 0, max: 1}\n"));
    Optimizer prior = request -> request.space().sample(request.random());
    try (Study study = Study.builder(space, prior).seed(1).iterations(6).build()) {
      for (int i = 0; i < 6; i++) {
        Trial t = study.ask();
        study.tell(t, i == 2 ? Double.NEGATIVE_INFINITY : 1.0 + i);
      }
      StudySnapshot s = study.snapshot();
      Trial best = s.best().orElseThrow();
      assertEquals(1.0, best.loss(), "the best is the smallest finite loss");
      assertEquals(TrialStatus.FAILED, s.trials().get(2).status());
    }
  }
}
