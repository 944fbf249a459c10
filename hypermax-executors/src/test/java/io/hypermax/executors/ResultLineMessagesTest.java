package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.runOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result line that cannot be read says why: too long (naming the limit), not UTF-8, or a null loss. */
class ResultLineMessagesTest {
  @TempDir Path dir;

  /** Runs {@code script} as a shell script file (no quoting through JSON and Java). */
  private TrialResult run(String script) throws Exception {
    Executors.write(dir.resolve("t.sh"), script);
    Executor executor = create("{\"type\":\"executable\",\"command\":[\"sh\",\"t.sh\"]}", dir, dir);
    return runOne(executor, Map.of(), dir);
  }

  @Test
  void aResultLineOverOneMebibyteNamesTheLimit() throws Exception {
    TrialResult r = run("printf '{\"loss\": 1, \"pad\": \"'; head -c 2000000 /dev/zero | tr '\\0' x; printf '\"}\\n'\n");
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("longer than the 1 MiB limit for a result line"), r.error());
    assertTrue(r.error().contains("$HYPERMAX_RESULT"), r.error());
  }

  @Test
  void aResultLineThatIsNotUtf8SaysSo() throws Exception {
    TrialResult r = run("printf 'loss \\377\\376\\n'\n");
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("not valid UTF-8"), r.error());
  }

  @Test
  void aNullLossSaysItIsNull() throws Exception {
    TrialResult r = run("echo '{\"loss\": null}'\n");
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().contains("'loss' is null"), r.error());
  }
}
