package io.hypermax.core.internal.run;

import java.security.SecureRandom;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;

/**
 * Which seed a study runs with, for every way of starting one (CLI, library, tuner): a resumed
 * study keeps the seed it was started with, so it continues the same sequence of suggestions;
 * a new one takes the requested seed, or a fresh random one (32 bits, easy to retype) when none was given.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SeedPolicy {
  private SeedPolicy() {}

  /**
   * @param recorded the seed in the study's storage, or null for a new study
   * @param requested the seed the user asked for, or null
   * @param where names the study in the warning given when {@code requested} is overridden
   */
  public static long choose(Long recorded, Long requested, String where, Consumer<String> warn) {
    if (recorded != null) {
      if (requested != null && !requested.equals(recorded)) {
        warn.accept("resuming " + where + " with its original seed " + recorded + ", not " + requested);
      }
      return recorded;
    }
    return requested != null ? requested : new SecureRandom().nextLong() & 0xFFFFFFFFL;
  }
}
