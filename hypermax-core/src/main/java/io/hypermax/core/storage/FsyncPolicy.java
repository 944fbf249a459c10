package io.hypermax.core.storage;

import java.util.Locale;
import io.hypermax.core.stability.API;

/**
 * When a file backend forces its writes to the disk ({@code storage.fsync}). Either way every
 * finished trial is written to the operating system before the next suggestion, so killing the
 * search loses nothing; the policy only decides what an operating-system crash or power cut can lose.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum FsyncPolicy {
  /**
   * One fsync covers every trial finished since the last one, at most every
   * {@link GroupCommit#WINDOW_MILLIS} ms, and always at the end: a power cut loses at most that window.
   */
  GROUP("group"),
  /** One fsync per finished trial before the next suggestion: nothing is lost, at about 0.2 ms per trial. */
  EVERY_TRIAL("every-trial");

  private final String key;

  FsyncPolicy(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Parses "group" or "every-trial"; anything else is an IllegalArgumentException naming both. */
  public static FsyncPolicy parse(String text) {
    for (FsyncPolicy p : values()) {
      if (p.key.equals(text.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("must be 'group' or 'every-trial', found '" + text + "'");
  }
}
