package io.hypermax.core.internal.storage;

import io.hypermax.core.stability.API;

/** {@code --storage} URLs as they may be shown: the one redactor, used by the CLI and by the storages themselves. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StorageUrls {
  private StorageUrls() {}

  /**
   * The URL without its password, for files and messages: {@code user:password@} becomes {@code user:***@} and every
   * query parameter whose name ends in {@code password} (any case: {@code password=}, {@code sslpassword=})
   * {@code …password=***}. The user part runs to the last {@code @} before the query, so a password with an
   * unencoded {@code @} or {@code /} in it (a URL the parser refuses, and so one that reaches an error message) is
   * masked whole; masking too much is harmless.
   */
  public static String redact(String url) {
    String out = url;
    int scheme = out.indexOf("://");
    if (scheme >= 0) {
      int start = scheme + 3;
      int query = out.indexOf('?', start);
      int at = out.lastIndexOf('@', (query < 0 ? out.length() : query) - 1);
      int colon = at > start ? out.indexOf(':', start) : -1;
      if (colon >= 0 && colon < at) {
        out = out.substring(0, colon + 1) + "***" + out.substring(at);
      }
    }
    return out.replaceAll("(?i)([?&][a-z0-9_]*password=)[^&]*", "$1***");
  }
}
