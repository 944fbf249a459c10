package io.hypermax.core.guidance;

import java.util.Locale;
import io.hypermax.core.stability.API;

/** What a person asked for one parameter. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum GuidanceAction {
  /** Every later suggestion uses this value; the optimizer models the other parameters. */
  LOCK,
  /** Back to the optimizer over the parameter's full range (clears a lock, a scramble and a narrowing). */
  UNLOCK,
  /** Later suggestions draw the parameter at random from its prior (exploration by hand). */
  SCRAMBLE,
  /** Later suggestions keep a number within [min, max], a part of its range. */
  NARROW;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action named {@code word} (lock, unlock, scramble, narrow), or an error naming the legal words. */
  public static GuidanceAction parse(String word) {
    for (GuidanceAction a : values()) {
      if (a.word().equals(word.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown guidance action '" + word + "' (use lock, unlock, scramble or narrow)");
  }
}
