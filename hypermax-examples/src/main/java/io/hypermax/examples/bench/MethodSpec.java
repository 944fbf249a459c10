package io.hypermax.examples.bench;

import io.hypermax.core.internal.config.MethodText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.hypermax.core.stability.API;

/**
 * An optimizer as named on the bench command line: its plugin id, optionally with settings, e.g.
 * {@code tpe:multivariate=true:n_ei_candidates=48}, parsed by {@link MethodText} as {@code hypermax atpe-bench} parses
 * its methods.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record MethodSpec(String label, String id, Map<String, Object> settings) {

  public static MethodSpec parse(String text) {
    MethodText parsed = MethodText.parse(text);
    return new MethodSpec(text.trim(), parsed.id(), parsed.settings());
  }

  /** A comma-separated list of methods. */
  public static List<MethodSpec> parseList(String text) {
    List<MethodSpec> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    return out;
  }
}
