package io.hypermax.core.dbr;

import io.hypermax.core.space.Distribution;
import io.hypermax.core.space.Parameter;
import io.hypermax.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import io.hypermax.core.stability.API;

/**
 * The parameters define-by-run code has asked for so far, in first-use order. The first definition
 * of a name wins; asking again with a different one is an error, so a typo or a changed value list
 * cannot silently mix two spaces in one study. Thread-safe: trials may build in parallel.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ParameterRegistry {
  private SearchSpace space = SearchSpace.empty();
  private final List<BiConsumer<String, Distribution>> listeners = new ArrayList<>();

  /** The space of every parameter registered so far (no conditions: activity is what the code asks for). */
  public synchronized SearchSpace space() {
    return space;
  }

  /** Called after a parameter is registered for the first time (journal it, grow the study's space). */
  public synchronized void onRegister(BiConsumer<String, Distribution> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /**
   * Registers {@code name} the first time; afterwards checks that {@code definition} is the same.
   *
   * @return the registered distribution
   * @throws ParameterRedefinedException when {@code name} was registered with another definition
   */
  public synchronized Distribution register(String name, Distribution definition) {
    Parameter existing = space.get(name);
    if (existing != null) {
      if (!Definitions.same(existing.distribution(), definition)) {
        throw new ParameterRedefinedException(name, existing.distribution(), definition);
      }
      return existing.distribution();
    }
    space = space.with(Parameter.of(name, definition));
    for (BiConsumer<String, Distribution> l : listeners) {
      l.accept(name, definition);
    }
    return definition;
  }
}
