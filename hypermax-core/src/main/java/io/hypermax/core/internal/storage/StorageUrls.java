package io.hypermax.core.internal.storage;

import io.hypermax.core.stability.API;

/** {@code --storage} URLs as they may be shown: the one redactor, used by the CLI and by the storages themselves. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StorageUrls {
  private StorageUrls() {}

  /**
   * The URL without its password, for files and messages: {@code user:password@} becomes {@code user:***@} and a
   * {@code password=} query parameter (any case) {@code password=***}.
   */
  public static String redact(String url) {
    return url.replaceFirst("://([^:@/]*):[^@/]*@", "://$1:***@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }
}
