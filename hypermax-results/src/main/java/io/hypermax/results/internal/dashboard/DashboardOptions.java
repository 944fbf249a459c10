package io.hypermax.results.internal.dashboard;

import io.hypermax.core.stability.API;

/**
 * How the dashboard listens.
 *
 * @param host the address to bind; loopback unless {@code allowRemote}
 * @param port 0 for a free port
 * @param allowRemote the explicit consent to bind a non-loopback address (a warning is logged)
 * @param password also required when not null (HTTP Basic once per browser, then a session cookie)
 * @param pollMillis how often the source is read for new trials
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record DashboardOptions(String host, int port, boolean allowRemote, PasswordHash password, long pollMillis) {
  public static final String LOOPBACK = "127.0.0.1";

  public DashboardOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("dashboard port " + port + " is not in 0..65535");
    }
    if (pollMillis < 50) {
      throw new IllegalArgumentException("dashboard poll interval " + pollMillis + " ms is below 50 ms");
    }
    host = host == null || host.isBlank() ? LOOPBACK : host;
  }

  public static DashboardOptions loopback() {
    return new DashboardOptions(LOOPBACK, 0, false, null, 500);
  }
}
