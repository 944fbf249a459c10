package io.hypermax.executors.internal.process;

import io.hypermax.core.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hypermax.core.stability.API;

/** The optional {@code env} object of a process function: extra environment variables. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EnvironmentSetting {
  private EnvironmentSetting() {}

  public static Map<String, String> read(ConfigNode function) {
    ConfigNode env = function.get("env");
    Map<String, String> out = new LinkedHashMap<>();
    if (env.isMissing()) {
      return out;
    }
    if (!env.isObject()) {
      throw env.error("must be an object of variable names to values");
    }
    for (String key : env.keys()) {
      ConfigNode value = env.get(key);
      if (!value.json().isValueNode() || value.json().isNull()) {
        throw value.error("must be a string, number or boolean");
      }
      out.put(key, value.json().asText());
    }
    return out;
  }
}
