package io.hypermax.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultParserTest {
  @Test
  void aNumberIsTheLossAndTheMeasuredTimeIsKept() {
    TrialResult r = ResultParser.parse(0.25f, 3.0);
    assertEquals(TrialStatus.COMPLETE, r.status());
    assertEquals(0.25, r.loss());
    assertEquals(3.0, r.time());
  }

  @Test
  void anObjectGivesLossTimeAndMetadata() {
    TrialResult r = ResultParser.parse(Map.of("loss", 1, "time", 9.5, "accuracy", 0.8, "notes", "x"), 3.0);
    assertEquals(1.0, r.loss());
    assertEquals(9.5, r.time(), "the function's own time overrides the measured one");
    assertEquals(Map.of("accuracy", 0.8, "notes", "x"), r.metadata());
  }

  @Test
  void anythingElseIsAFailureThatSaysWhy() {
    assertFailed(ResultParser.parse(Map.of("accuracy", 0.8), 1), "no 'loss'");
    assertFailed(ResultParser.parse(Map.of("loss", "low"), 1), "'loss' is not a number");
    assertFailed(ResultParser.parse(Map.of("loss", 1, "time", "slow"), 1), "'time' is not a number");
    assertFailed(ResultParser.parse(Map.of("loss", 1, "time", -1), 1), "'time' must be a number of seconds >= 0");
    assertFailed(ResultParser.parse(null, 1), "returned nothing");
    assertFailed(ResultParser.parse("0.5", 1), "String");
    assertFailed(ResultParser.parse(Double.NaN, 1), "NaN");
    Map<String, Object> nullLoss = new HashMap<>();
    nullLoss.put("loss", null);
    assertFailed(ResultParser.parse(nullLoss, 1), "the result's 'loss' is null");
  }

  private static void assertFailed(TrialResult r, String reason) {
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains(reason), r.error());
  }
}
