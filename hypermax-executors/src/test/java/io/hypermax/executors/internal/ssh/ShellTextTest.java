package io.hypermax.executors.internal.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders in remote shell text become variable references, never pasted values, also when written {name!q}. */
class ShellTextTest {
  private static final String EVIL = "$(touch /tmp/pwned)";

  @Test
  void aShellQuotedPlaceholderIsAVariableReferenceLikeAPlainOne() {
    ShellText.Substituted plain = ShellText.substitute("echo \"tag={tag}\"", Map.of("tag", EVIL), Map.of("tag", EVIL));
    ShellText.Substituted quoted = ShellText.substitute("echo \"tag={tag!q}\"", Map.of("tag", EVIL), Map.of("tag", EVIL));
    assertEquals("echo \"tag=${HYPERMAX_P_1}\"", plain.command());
    assertEquals(plain.command(), quoted.command(), "{tag!q} renders like {tag}");
    assertEquals(List.of(EVIL), quoted.values());
    assertFalse(quoted.command().contains("touch"), "the value is never pasted into the shell code");
  }

  @Test
  void unquotedAndSingleQuotedContextsReferToTheVariable() {
    assertEquals("echo \"${HYPERMAX_P_1}\"", ShellText.substitute("echo {v!q}", Map.of("v", EVIL), Map.of("v", EVIL)).command());
    assertEquals("echo 'a'\"${HYPERMAX_P_1}\"'b'", ShellText.substitute("echo 'a{v}b'", Map.of("v", EVIL), Map.of("v", EVIL)).command());
  }
}
