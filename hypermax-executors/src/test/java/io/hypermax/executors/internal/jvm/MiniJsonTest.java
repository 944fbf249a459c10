package io.hypermax.executors.internal.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {
  private static final JsonMapper JACKSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  @Test
  void readsWhatJacksonWrites() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("int", 3);
    value.put("long", 5_000_000_000L);
    value.put("double", -1.5e-7);
    value.put("text", "quote \" backslash \\ newline \n tab \t é \u0001");
    value.put("flags", Arrays.asList(true, false, null));
    value.put("nested", Map.of("empty", List.of(), "obj", Map.of()));
    assertEquals(value, MiniJson.parse(JACKSON.writeValueAsString(value)));
  }

  @Test
  void writesWhatJacksonReads() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("loss", 0.25);
    value.put("nan", Double.NaN);
    value.put("inf", Double.NEGATIVE_INFINITY);
    value.put("text", "a\"b\\c\nd\u0002");
    value.put("list", new Object[] {1, "x", null, List.of(2L)});
    Map<?, ?> back = JACKSON.readValue(MiniJson.write(value), Map.class);
    assertEquals(0.25, back.get("loss"));
    assertTrue(Double.isNaN((Double) back.get("nan")));
    assertEquals(Double.NEGATIVE_INFINITY, back.get("inf"));
    assertEquals("a\"b\\c\nd\u0002", back.get("text"));
    assertEquals(Arrays.asList(1, "x", null, List.of(2)), back.get("list"));
  }

  @Test
  void rejectsBadInputAndUnknownTypes() {
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": }"));
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[1, 2"));
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{} x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniJson.write(Map.of("t", new Thread())));
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
  }
}
