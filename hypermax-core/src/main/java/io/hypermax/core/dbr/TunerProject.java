package io.hypermax.core.dbr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.run.DirectoryLock;
import io.hypermax.core.study.Direction;
import io.hypermax.core.study.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * A tuner's project directory: its journal with the trials, the seed, the tuner's settings and the
 * definitions of the define-by-run parameters, so a later run resumes the same search (and the
 * same sequence of suggestions) instead of starting over.
 */
final class TunerProject implements AutoCloseable {
  static final String SETTINGS_EVENT = "tuner";
  static final String PARAMETER_EVENT = "parameter";

  private final Path directory;
  private final Journal journal;
  private final DirectoryLock lock;
  private final Journal.State restored;
  private final long seed;
  private final ParameterRegistry registry = new ParameterRegistry();

  private TunerProject(Path directory, Journal journal, DirectoryLock lock, Journal.State restored, long seed) {
    this.directory = directory;
    this.journal = journal;
    this.lock = lock;
    this.restored = restored;
    this.seed = seed;
  }

  /**
   * Opens {@code directory}, resuming the search recorded there unless {@code overwrite}.
   *
   * @param settings the tuner's settings (method and optimizer settings), recorded and compared on resume
   * @throws IllegalArgumentException when the recorded direction differs from {@code direction}
   */
  static TunerProject open(
      Path directory, boolean overwrite, Long seed, Direction direction, ObjectNode settings, Consumer<String> warn) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare project directory " + directory, e);
    }
    // Two tuners in one project would interleave their trials in one journal, as two CLI searches would.
    DirectoryLock lock = DirectoryLock.acquire(directory);
    try {
      return openLocked(directory, overwrite, seed, direction, settings, warn, lock);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private static TunerProject openLocked(
      Path directory,
      boolean overwrite,
      Long seed,
      Direction direction,
      ObjectNode settings,
      Consumer<String> warn,
      DirectoryLock lock) {
    if (overwrite) {
      try {
        Files.deleteIfExists(directory.resolve(Journal.FILE_NAME));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reset project directory " + directory, e);
      }
    }
    Journal.State state = Journal.exists(directory) ? Journal.read(directory) : null;
    if (state != null) {
      checkSettings(directory, state, direction, settings, warn);
    }
    long chosenSeed;
    if (state != null && state.seed() != null) {
      chosenSeed = state.seed();
      if (seed != null && seed != chosenSeed) {
        warn.accept("resuming " + directory + " with its original seed " + chosenSeed + ", not " + seed);
      }
    } else {
      chosenSeed = seed != null ? seed : new SecureRandom().nextLong() & 0xFFFFFFFFL;
    }
    Journal journal = Journal.open(directory);
    TunerProject project = new TunerProject(directory, journal, lock, state, chosenSeed);
    if (state != null) {
      project.restoreDefinitions(state);
    }
    if (state == null || state.seed() == null) {
      journal.writeStudy(chosenSeed);
      ObjectNode event = JsonValues.MAPPER.createObjectNode();
      event.put("event", SETTINGS_EVENT);
      event.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
      event.set("settings", settings);
      journal.writeExtra(event);
    }
    // Registered from now on: journal the definition before any trial that uses it starts.
    project.registry.onRegister(
        (name, d) -> {
          ObjectNode event = JsonValues.MAPPER.createObjectNode();
          event.put("event", PARAMETER_EVENT);
          event.put("name", name);
          event.set("definition", Definitions.toJson(d));
          journal.writeExtra(event);
        });
    return project;
  }

  /** The direction a project was searched with, as its journal recorded it. */
  static java.util.Optional<Direction> recordedDirection(Journal.State state) {
    for (JsonNode e : state.extraEvents()) {
      if (SETTINGS_EVENT.equals(e.path("event").asText()) && e.hasNonNull("direction")) {
        try {
          return java.util.Optional.of(Direction.parse(e.path("direction").asText()));
        } catch (IllegalArgumentException unreadable) {
          return java.util.Optional.empty();
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static void checkSettings(
      Path directory, Journal.State state, Direction direction, ObjectNode settings, Consumer<String> warn) {
    for (JsonNode e : state.extraEvents()) {
      if (!SETTINGS_EVENT.equals(e.path("event").asText())) {
        continue;
      }
      String recorded = e.path("direction").asText();
      if (!recorded.equals(direction.name().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException(
            "project "
                + directory
                + " was searched with direction '"
                + recorded
                + "', this tuner says '"
                + direction.name().toLowerCase(java.util.Locale.ROOT)
                + "': use the same direction, another project directory, or overwrite");
      }
      if (!e.path("settings").equals(settings)) {
        warn.accept("resuming " + directory + " with settings " + settings + " (it was searched with " + e.path("settings") + ")");
      }
    }
  }

  private void restoreDefinitions(Journal.State state) {
    for (JsonNode e : state.extraEvents()) {
      if (PARAMETER_EVENT.equals(e.path("event").asText())) {
        registry.register(e.get("name").asText(), Definitions.fromJson(e.get("definition")));
      }
    }
  }

  Path directory() {
    return directory;
  }

  Journal journal() {
    return journal;
  }

  /** The state read from an existing journal, or null for a new project. */
  Journal.State restored() {
    return restored;
  }

  long seed() {
    return seed;
  }

  ParameterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    try {
      journal.close();
    } finally {
      lock.close();
    }
  }
}
