package io.hypermax.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypermax.executors.internal.executable.CommandLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void splitsLikeAShellWithoutExpandingAnything() {
    assertEquals(List.of("python3", "train.py", "--lr", "{lr}"), CommandLine.split("  python3 train.py  --lr {lr} "));
    assertEquals(List.of("awk", "{ print $1 }", "a b"), CommandLine.split("awk '{ print $1 }' \"a b\""));
    assertEquals(List.of("say \"hi\" $HOME", "a b", "x'y"), CommandLine.split("\"say \\\"hi\\\" \\$HOME\" a\\ b x\\'y"));
    assertEquals(List.of("ab", ""), CommandLine.split("a'b' ''"));
    assertEquals(List.of("*.txt", "$PATH"), CommandLine.split("*.txt $PATH"));
  }

  @Test
  void unclosedQuotesAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> CommandLine.split("echo 'x"));
    assertThrows(IllegalArgumentException.class, () -> CommandLine.split("echo \"x"));
    assertThrows(IllegalArgumentException.class, () -> CommandLine.split("echo \\"));
  }
}
