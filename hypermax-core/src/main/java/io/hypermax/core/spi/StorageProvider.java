package io.hypermax.core.spi;

import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.stability.API;

/**
 * A storage backend named by a URL scheme ({@code --storage postgresql://...}), found with
 * {@link java.util.ServiceLoader}, so core needs no database driver.
 *
 * @since 0.2
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface StorageProvider {
  /** The URL scheme this backend serves, e.g. {@code postgresql}. */
  String scheme();

  String description();

  /** Opens the study the URL names; bad URLs fail with a one-line {@link IllegalArgumentException}. */
  SharedStudyStorage open(String url);

  /** The provider for {@code url}'s scheme, from the class path and {@code loader}. */
  static StorageProvider forUrl(String url, ClassLoader loader) {
    int colon = url.indexOf("://");
    if (colon <= 0) {
      throw new IllegalArgumentException("--storage " + url + ": expected SCHEME://..., e.g. postgresql://user@host:5432/db?study=name");
    }
    String scheme = url.substring(0, colon);
    java.util.List<String> known = new java.util.ArrayList<>();
    for (StorageProvider p : java.util.ServiceLoader.load(StorageProvider.class, loader)) {
      if (p.scheme().equals(scheme)) {
        return p;
      }
      known.add(p.scheme());
    }
    throw new IllegalArgumentException("--storage " + url + ": no storage backend for '" + scheme + "' (known: " + known + ")");
  }
}
