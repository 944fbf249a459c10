package io.hypermax.core.guidance;

import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.stability.API;

/**
 * Turns what a person typed — an action word and {@code name}, {@code name=value} or {@code name=min:max} — into a
 * {@link GuidanceEvent} checked against the space. The one parser for {@code hypermax guide} and the web dashboard,
 * so both accept and refuse exactly the same requests with the same messages.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GuidanceRequest {
  private GuidanceRequest() {}

  /**
   * @param source who asks ({@code cli}, {@code web}), recorded in the event
   * @throws IllegalArgumentException one line naming the parameter and what is wrong
   */
  public static GuidanceEvent parse(SearchSpace space, GuidanceAction action, String target, String source) {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException(example(action));
    }
    return Guidance.validate(event(action, target.trim(), space, source), space);
  }

  /** The error for an action without a parameter, with an example. */
  public static String example(GuidanceAction a) {
    return "guide " + a.word() + " needs a parameter, e.g. " + switch (a) {
      case LOCK -> "lock lr=0.01";
      case NARROW -> "narrow lr=0.001:0.1";
      default -> a.word() + " lr";
    };
  }

  private static GuidanceEvent event(GuidanceAction a, String target, SearchSpace space, String source) {
    int eq = target.indexOf('=');
    String name = eq < 0 ? target : target.substring(0, eq);
    String value = eq < 0 ? null : target.substring(eq + 1);
    Parameter p = space.get(name);
    if (p == null) {
      // validate() names the known parameters
      return GuidanceEvent.unlock(name, source);
    }
    return of(p, a, value, source);
  }

  /**
   * The event for {@code a} on {@code p} with what was typed after {@code =} ({@code value}: a value to lock to,
   * {@code MIN:MAX} to narrow to, ignored otherwise); not yet checked against the space (see {@link
   * Guidance#validate}). Also what the console UI's prompts use.
   *
   * @throws IllegalArgumentException one line naming the parameter and what is wrong
   */
  public static GuidanceEvent of(Parameter p, GuidanceAction a, String value, String source) {
    String name = p.path();
    return switch (a) {
      case LOCK -> {
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException("lock " + name + " needs a value: lock " + name + "=VALUE");
        }
        yield GuidanceEvent.lock(name, Guidance.parseValue(p, value), source);
      }
      case NARROW -> {
        int colon = value == null ? -1 : value.indexOf(':', 1);
        if (colon < 0) {
          throw new IllegalArgumentException("narrow " + name + " needs a range: narrow " + name + "=MIN:MAX");
        }
        try {
          yield GuidanceEvent.narrow(
              name, Double.parseDouble(value.substring(0, colon)), Double.parseDouble(value.substring(colon + 1)), source);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("narrow " + name + "=" + value + ": MIN and MAX must be numbers");
        }
      }
      case UNLOCK -> GuidanceEvent.unlock(name, source);
      case SCRAMBLE -> GuidanceEvent.scramble(name, source);
    };
  }
}
