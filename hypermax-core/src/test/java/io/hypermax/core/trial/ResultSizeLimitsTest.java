package io.hypermax.core.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.spi.TrialRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Huge result objects, metadata and error texts are kept at bounded sizes, visibly cut, whole in the log. */
class ResultSizeLimitsTest {
  @TempDir Path dir;

  static String big(int chars) {
    return "x".repeat(chars);
  }

  @Test
  void aHugeMetadataFieldIsCutVisiblyAndTheRestKept() {
    Map<String, Object> returned = new LinkedHashMap<>();
    returned.put("loss", 0.5);
    returned.put("accuracy", 0.9);
    returned.put("dump", big(20_000_000));
    returned.put("after", "kept");
    TrialResult r = ResultParser.parse(returned, 1);
    assertEquals(TrialStatus.COMPLETE, r.status());
    assertEquals(0.9, r.metadata().get("accuracy"));
    assertEquals("kept", r.metadata().get("after"));
    String dump = (String) r.metadata().get("dump");
    assertTrue(dump.length() < 1000 && dump.contains("[cut: 20000002 characters of JSON"), dump.substring(0, Math.min(400, dump.length())));
    assertTrue(ResultLimits.json(r.metadata()).length() <= ResultLimits.MAX_METADATA_CHARS);
  }

  @Test
  void millionsOfSmallFieldsStopAtTheBudgetWithACount() {
    Map<String, Object> returned = new LinkedHashMap<>();
    returned.put("loss", 1);
    for (int i = 0; i < 1_000_000; i++) {
      returned.put("f" + i, i);
    }
    TrialResult r = ResultParser.parse(returned, 1);
    assertTrue(ResultLimits.json(r.metadata()).length() <= ResultLimits.MAX_METADATA_CHARS);
    assertTrue(((String) r.metadata().get(ResultLimits.CUT_KEY)).contains("more fields left out"), r.metadata().get(ResultLimits.CUT_KEY).toString());
  }

  @Test
  void aHugeErrorTextIsCutSayingHowLongItWas() {
    TrialResult r = TrialResult.failed("boom " + big(10_000_000), 1);
    assertTrue(r.error().length() < ResultLimits.MAX_ERROR_CHARS + 200, "length " + r.error().length());
    assertTrue(r.error().startsWith("boom xxx") && r.error().contains("of 10000005 characters"), r.error().substring(r.error().length() - 120));
  }

  @Test
  void anInJvmFunctionsHugeResultIsWholeInTheTrialLog() throws Exception {
    String dump = big(200_000);
    FunctionExecutor executor = new FunctionExecutor(p -> Map.of("loss", 1.0, "dump", dump));
    TrialRequest request = new TrialRequest(0, Map.of(), Map.of(), dir.resolve("logs/trial_0.txt"), "logs/trial_0.txt");
    TrialResult r = executor.run(request);
    assertEquals("logs/trial_0.txt", r.log());
    assertTrue(Files.readString(dir.resolve("logs/trial_0.txt")).contains(dump));
    assertTrue(((String) r.metadata().get("dump")).contains("[cut"));
  }

  @Test
  void anInJvmFunctionsHugeExceptionMessageIsWholeInTheTrialLog() throws Exception {
    String message = big(100_000);
    FunctionExecutor executor = new FunctionExecutor(p -> {
      throw new IllegalStateException(message);
    });
    TrialRequest request = new TrialRequest(0, Map.of(), Map.of(), dir.resolve("logs/trial_0.txt"), "logs/trial_0.txt");
    TrialResult r = executor.run(request);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("[cut at 4096 of"), r.error().substring(r.error().length() - 100));
    assertTrue(Files.readString(dir.resolve("logs/trial_0.txt")).contains(message));
  }
}
