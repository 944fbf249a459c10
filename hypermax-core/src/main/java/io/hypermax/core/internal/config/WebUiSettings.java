package io.hypermax.core.internal.config;

import java.util.Set;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.stability.API;

/**
 * The web dashboard settings of the {@code ui} section: {@code web} (serve the dashboard beside the search),
 * {@code web_port} (0: a free one), {@code web_host} (127.0.0.1; another address also needs
 * {@code web_allow_remote: true}) and {@code web_password_file} (a file whose first line is the password).
 * Only read here; the dashboard itself lives in hypermax-results.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record WebUiSettings(boolean enabled, int port, String host, boolean allowRemote, String passwordFile) {
  static final Set<String> KEYS = Set.of("web", "web_port", "web_host", "web_allow_remote", "web_password_file");

  static WebUiSettings of(ConfigNode ui) {
    int port = ui.integer("web_port", 0);
    if (port < 0 || port > 65535) {
      throw ui.get("web_port").error("must be a port number in 0..65535 (0: a free port), found " + port);
    }
    String host = ui.string("web_host", "127.0.0.1");
    if (host.isBlank()) {
      throw ui.get("web_host").error("must not be empty");
    }
    return new WebUiSettings(ui.bool("web", false), port, host, ui.bool("web_allow_remote", false),
        ui.optString("web_password_file").orElse(null));
  }
}
