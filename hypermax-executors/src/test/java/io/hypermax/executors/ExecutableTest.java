package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.log;
import static io.hypermax.executors.Executors.runOne;
import static io.hypermax.executors.Executors.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypermax.core.config.ConfigException;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableTest {
  @TempDir Path dir;

  private Executor executable(String command, String extra) {
    return create("{\"type\":\"executable\",\"command\":" + command + extra + "}", dir, dir);
  }

  @Test
  void parametersArriveOnStdinInTheParamsFileAndAsPlaceholders() throws Exception {
    write(
        dir.resolve("model.sh"),
        """
        #!/bin/sh
        # argument 1 and 2 come from placeholders; stdin and $HYPERMAX_PARAMS hold the JSON
        stdin=$(cat)
        file=$(cat "$HYPERMAX_PARAMS")
        echo "args: $1 $2 $3"
        echo "stdin: $stdin"
        [ "$stdin" = "$file" ] || { echo "stdin and file differ" >&2; exit 1; }
        echo "{\\"loss\\": $1, \\"flag\\": \\"$2\\"}"
        """);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", 0.00001);
    params.put("opt", Map.of("on", true));
    Executor executor = executable("\"sh model.sh {x} {opt.on} '{not_a_param}'\"", "");
    TrialResult r = runOne(executor, params, dir);
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    assertEquals(0.00001, r.loss());
    assertEquals("true", r.metadata().get("flag"));
    String log = log(dir, 0);
    assertTrue(log.contains("args: 0.00001 true {not_a_param}"), log);
    assertTrue(log.contains("stdin: {\"x\":1.0E-5,\"opt\":{\"on\":true}}"), log);
  }

  @Test
  void theLastNonEmptyLineIsTheResult() throws Exception {
    Executor executor = executable("[\"sh\", \"-c\", \"echo 99; echo 0.5; echo; echo '  '\"]", "");
    TrialResult r = runOne(executor, Map.of(), dir);
    assertEquals(0.5, r.loss());
  }

  @Test
  void junkOutputIsAFailedTrialQuotingIt() throws Exception {
    TrialResult r = runOne(executable("\"echo 'loss is low'\"", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertEquals("the last line of output is not a number or a JSON object: 'loss is low'", r.error());
  }

  @Test
  void aNonZeroExitIsAFailedTrialWithItsCodeAndLastOutput() throws Exception {
    TrialResult r = runOne(executable("[\"sh\", \"-c\", \"echo 0.1; echo 'out of memory' >&2; exit 3\"]", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertEquals("the command exited with code 3 (last output: out of memory)", r.error());
    assertTrue(log(dir, 0).contains("[hypermax] exited with code 3"));
  }

  @Test
  void noOutputIsAFailedTrialAndNoLogFile() throws Exception {
    TrialResult r = runOne(executable("\"true\"", ""), Map.of(), dir);
    assertEquals(TrialStatus.FAILED, r.status());
    assertTrue(r.error().startsWith("the command printed no result"), r.error());
    assertNull(r.log());
  }

  @Test
  void theResultFileWinsOverStdout() throws Exception {
    Executor executor =
        executable("[\"sh\", \"-c\", \"echo '{\\\"loss\\\": 2, \\\"n\\\": 3}' > $HYPERMAX_RESULT; echo junk\"]", "");
    TrialResult r = runOne(executor, Map.of(), dir);
    assertEquals(2.0, r.loss(), r.error());
    assertEquals(3, r.metadata().get("n"));
  }

  @Test
  void cwdAndEnvAreApplied() throws Exception {
    write(dir.resolve("sub/marker.txt"), "");
    Executor executor =
        executable("[\"sh\", \"-c\", \"ls marker.txt >&2 && echo $SCALE\"]", ",\"cwd\":\"sub\",\"env\":{\"SCALE\":4}");
    TrialResult r = runOne(executor, Map.of(), dir);
    assertEquals(4.0, r.loss(), r.error());
  }

  @Test
  void aHangingProgramIsKilledOnTime() throws Exception {
    Executor executor =
        executable("[\"sh\", \"-c\", \"sleep 30 & sleep 30; echo 1\"]", ",\"auto_kill_max_time\":0.5,\"auto_kill_loss\":7");
    long start = System.nanoTime();
    TrialResult r = runOne(executor, Map.of(), dir);
    assertEquals(TrialStatus.KILLED, r.status());
    assertEquals(7.0, r.loss());
    assertTrue((System.nanoTime() - start) / 1e9 < 3, "kill too slow");
  }

  @Test
  void aSystemRamLimitBelowCurrentUseKillsAtTheFirstSample() throws Exception {
    Executor executor =
        executable("[\"sleep\", \"20\"]", ",\"auto_kill_max_system_ram\":1,\"auto_kill_loss\":2");
    TrialResult r = runOne(executor, Map.of(), dir);
    assertEquals(TrialStatus.KILLED, r.status());
    assertEquals(2.0, r.loss());
    assertTrue(r.error().startsWith("killed: auto_kill_max_system_ram 1 MiB exceeded, the machine used "), r.error());
    assertTrue(r.usage().wallSeconds() < 5, r.usage().toString());
  }

  @Test
  void badCommandsAreConfigErrors() {
    ConfigException e = assertThrows(ConfigException.class, () -> executable("\"no-such-program-42 x\"", ""));
    assertEquals("function.command", e.path());
    assertTrue(e.getMessage().contains("cannot find the program 'no-such-program-42'"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> executable("\"sh 'unclosed\"", ""));
    assertTrue(e.getMessage().contains("unclosed single quote"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> executable("[]", ""));
    assertEquals("function.command", e.path());
    e = assertThrows(ConfigException.class, () -> executable("\"sh\"", ",\"cwd\":\"missing\""));
    assertEquals("function.cwd", e.path());
  }
}
