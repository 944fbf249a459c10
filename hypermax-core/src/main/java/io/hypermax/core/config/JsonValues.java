package io.hypermax.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/** Conversions between Jackson trees and plain Java values (Map, List, String, Integer, Long, Double, Boolean). */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class JsonValues {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {}

  public static Object toJava(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isInt()) {
      return v.intValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.forEach(e -> list.add(toJava(e)));
      return list;
    }
    if (v.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      v.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    return v.asText();
  }

  public static JsonNode toJson(Object value) {
    return MAPPER.valueToTree(value);
  }
}
