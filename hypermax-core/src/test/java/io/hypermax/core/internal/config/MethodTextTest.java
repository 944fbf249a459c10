package io.hypermax.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodTextTest {
  @Test
  void aMethodIsItsIdAndItsSettingsAsScalars() {
    MethodText m = MethodText.parse(" atpe:atpe_model=/tmp/p.json:decide_every=7:gamma=.25:min_noise=1e-14:multivariate=true");
    assertEquals("atpe", m.id());
    assertEquals(Map.of("atpe_model", "/tmp/p.json", "decide_every", 7L, "gamma", 0.25, "min_noise", 1e-14,
        "multivariate", true), m.settings());
    assertEquals(Map.of(), MethodText.parse("gp").settings());
  }

  @Test
  void onlyWhatAJsonReaderTakesForANumberBecomesOne() {
    for (String text : new String[] {"NaN", "Infinity", "1d", "0x10", " 3", "1,5", "True"}) {
      assertEquals(text, MethodText.scalar(text), text);
    }
    assertEquals(-3L, MethodText.scalar("-3"));
    assertEquals(2.5e3, MethodText.scalar("2.5E3"));
  }

  @Test
  void aSettingWithoutAValueIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodText.parse("tpe:gamma"));
    assertTrue(e.getMessage().contains("'gamma'") && e.getMessage().contains("key=value"), e.getMessage());
  }
}
