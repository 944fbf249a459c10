package io.hypermax.executors;

import static io.hypermax.executors.Executors.create;
import static io.hypermax.executors.Executors.runOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.executors.internal.executable.Placeholders;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  /** Inside quotes the single quotes of {v!q} would be literal and $(...) in the value would run: refused. */
  @ParameterizedTest
  @ValueSource(strings = {"echo \"tag={v!q}\"", "sh -c 'echo {v!q}'"})
  void aQuotedPlaceholderInsideQuotesIsRefusedAtConfigTime(String shellText) throws Exception {
    SearchSpace space = SearchSpace.builder().choice("v", "a", "b").build();
    ConfigNode command = new ConfigNode("search.yaml", "function.command", new ObjectMapper().readTree("[]"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> Placeholders.checkNames(List.of("sh", "-c", shellText), space, command));
    assertTrue(e.getMessage().contains("{v!q} stands inside quotes"), e.getMessage());
  }

  @Test
  void aQuotedPlaceholderOutsideQuotesIsAccepted() throws Exception {
    SearchSpace space = SearchSpace.builder().choice("v", "a", "b").build();
    ConfigNode command = new ConfigNode("search.yaml", "function.command", new ObjectMapper().readTree("[]"));
    Placeholders.checkNames(List.of("sh", "-c", "printf '%s' {v!q} \"$HOME\" --tag={v!q}"), space, command);
  }
}
