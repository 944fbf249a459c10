package io.hypermax.core.internal.plugin;

import java.util.List;
import io.hypermax.core.stability.API;

/** A config named a plugin id that is not on the class path. The message lists the available ids. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public class UnknownPluginException extends RuntimeException {
  private final List<String> available;

  public UnknownPluginException(PluginKind kind, String id, List<String> available) {
    super("unknown " + kind.noun() + " '" + id + "'; available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
    this.available = List.copyOf(available);
  }

  public List<String> available() {
    return available;
  }
}
