package io.hypermax.core.internal.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.trial.ResultLimits;
import io.hypermax.core.trial.TrialResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuggestionMetadataTest {

  @Test
  void hugeOptimizerMetadataIsBoundedLikeAResultsMetadata() {
    Map<String, Object> huge = new LinkedHashMap<>();
    huge.put("atpe.action", "gp");
    for (int i = 0; i < 5_000; i++) {
      huge.put("k" + i, "x".repeat(40));
    }
    assertTrue(ResultLimits.exceeds(huge));
    SuggestionMetadata m = new SuggestionMetadata();
    m.restore(3, huge);
    assertFalse(ResultLimits.exceeds(m.of(3)), "what is recorded with the start fits the result limit");
    assertEquals("gp", m.of(3).get("atpe.action"), "the first fields are kept in order");
    TrialResult r = m.attach(3, TrialResult.complete(1.0, 0, Map.of("loss_detail", 2)));
    assertEquals("gp", r.metadata().get("atpe.action"));
    assertEquals(Map.of(), m.of(3), "attached once, then forgotten");
  }
}
