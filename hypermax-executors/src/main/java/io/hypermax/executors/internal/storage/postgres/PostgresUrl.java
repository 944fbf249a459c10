package io.hypermax.executors.internal.storage.postgres;

import io.hypermax.core.internal.storage.StorageUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code postgresql://user[:password]@host[:port]/database?study=name[&heartbeat_timeout=SECONDS]}, parsed.
 * The password may also come from {@code PGPASSWORD}, so it need not appear in process lists.
 */
record PostgresUrl(String jdbcUrl, String user, String password, String study, double heartbeatTimeoutSeconds) {

  static PostgresUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw bad(url, "not a URL: " + e.getReason());
    }
    if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
      throw bad(url, "expected postgresql://user@host:port/database?study=name");
    }
    String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (db.isEmpty()) {
      throw bad(url, "names no database (…/DATABASE?study=name)");
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.put(k, v);
      }
    }
    String study = query.remove("study");
    if (study == null || study.isBlank()) {
      throw bad(url, "names no study (add ?study=name)");
    }
    double timeout = 60;
    String t = query.remove("heartbeat_timeout");
    if (t != null) {
      try {
        timeout = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        timeout = -1;
      }
      if (!(timeout > 0)) {
        throw bad(url, "heartbeat_timeout must be a positive number of seconds, got '" + t + "'");
      }
    }
    if (!query.isEmpty()) {
      throw bad(url, "unknown parameter(s) " + query.keySet() + " (known: study, heartbeat_timeout)");
    }
    String user = "postgres";
    String password = System.getenv("PGPASSWORD");
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (parts.length == 2) {
        password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    return new PostgresUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + db, user, password, study, timeout);
  }

  private static IllegalArgumentException bad(String url, String why) {
    return new IllegalArgumentException("--storage " + StorageUrls.redact(url) + ": " + why);
  }
}
