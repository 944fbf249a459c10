package io.hypermax.core.storage;

import io.hypermax.core.stability.API;

/** A journal written by a newer hypermax, in a format version this one cannot read. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class JournalVersionException extends RuntimeException {
  private final int found;

  public JournalVersionException(String file, int found, int supported) {
    super(
        file + " was written by a newer hypermax (journal format version " + found + "; this hypermax reads up to version "
            + supported + "): upgrade hypermax to resume or regenerate it");
    this.found = found;
  }

  public int found() {
    return found;
  }
}
