package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.runOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hypermax.core.spi.Executor;
import io.hypermax.core.trial.TrialResult;
import io.hypermax.core.trial.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code {v!q}} in shell text passes a string value as one literal word: it cannot run a command. */
class ShellQuotedPlaceholderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"x; touch pwned", "it's $(touch pwned) `touch pwned`", "a\"b\\c $HOME *", "''", "-n"})
  void aQuotedPlaceholderIsOneLiteralShellWord(String value) throws Exception {
    Executor executor = create(
        "{\"type\":\"executable\",\"command\":[\"sh\",\"-c\",\"printf '%s' {v!q} > out.txt; echo 1\"]}", dir, dir);
    TrialResult r = runOne(executor, Map.of("v", value), dir);
    assertEquals(TrialStatus.COMPLETE, r.status(), r.error());
    assertEquals(value, Files.readString(dir.resolve("out.txt")));
    assertFalse(Files.exists(dir.resolve("pwned")), "the value ran a command");
  }
}
