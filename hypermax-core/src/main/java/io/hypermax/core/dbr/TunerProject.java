package io.hypermax.core.dbr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.run.StudyDirectory;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.objective.Direction;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A tuner's project directory: its journal with the trials, the seed, the tuner's settings and the
 * definitions of the define-by-run parameters, so a later run resumes the same search (and the
 * same sequence of suggestions) instead of starting over.
 */
final class TunerProject implements AutoCloseable {
  static final String SETTINGS_EVENT = "tuner";
  static final String PARAMETER_EVENT = "parameter";

  private final StudyDirectory directory;
  private final ParameterRegistry registry = new ParameterRegistry();

  private TunerProject(StudyDirectory directory) {
    this.directory = directory;
  }

  /**
   * Opens {@code directory} (locked, like a results directory), resuming the search recorded there
   * unless {@code overwrite}: restores the parameter definitions and records new ones as they come.
   *
   * @param settings the tuner's settings (method and optimizer settings), recorded and compared on resume
   * @throws IllegalArgumentException when the recorded direction differs from {@code direction}
   */
  static TunerProject open(
      Path directory, boolean overwrite, Direction direction, ObjectNode settings, FsyncPolicy fsync, Consumer<String> warn) {
    StudyDirectory dir = StudyDirectory.openProject(directory, overwrite, fsync, warn);
    try {
      TunerProject project = new TunerProject(dir);
      StoredStudy state = dir.stored();
      if (dir.hasStudy()) {
        checkSettings(dir.path(), state, direction, settings, warn);
        project.restoreDefinitions(state);
      } else {
        ObjectNode event = JsonValues.MAPPER.createObjectNode();
        event.put("event", SETTINGS_EVENT);
        event.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
        event.set("settings", settings);
        dir.journal().recordCustom(event);
      }
      // Registered from now on: journal the definition before any trial that uses it starts.
      project.registry.onRegister(
          (name, d) -> {
            ObjectNode event = JsonValues.MAPPER.createObjectNode();
            event.put("event", PARAMETER_EVENT);
            event.put("name", name);
            event.set("definition", Definitions.toJson(d));
            dir.journal().recordCustom(event);
          });
      return project;
    } catch (RuntimeException | Error e) {
      dir.close();
      throw e;
    }
  }

  /** The direction a project was searched with, as its journal recorded it. */
  static java.util.Optional<Direction> recordedDirection(StoredStudy state) {
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
      Path directory, StoredStudy state, Direction direction, ObjectNode settings, Consumer<String> warn) {
    for (JsonNode e : state.extraEvents()) {
      if (!SETTINGS_EVENT.equals(e.path("event").asText())) {
        continue;
      }
      String recorded = e.path("direction").asText();
      StudyDirectory.refuseChanged(
          e.path("direction"),
          com.fasterxml.jackson.databind.node.TextNode.valueOf(direction.name().toLowerCase(java.util.Locale.ROOT)),
          () -> new IllegalArgumentException(
            "project "
                + directory
                + " was searched with direction '"
                + recorded
                + "', this tuner says '"
                + direction.name().toLowerCase(java.util.Locale.ROOT)
                + "': use the same direction, another project directory, or overwrite"));
      if (!e.path("settings").equals(settings)) {
        warn.accept("resuming " + directory + " with settings " + settings + " (it was searched with " + e.path("settings") + ")");
      }
    }
  }

  private void restoreDefinitions(StoredStudy state) {
    for (JsonNode e : state.extraEvents()) {
      if (PARAMETER_EVENT.equals(e.path("event").asText())) {
        registry.register(e.get("name").asText(), Definitions.fromJson(e.get("definition")));
      }
    }
  }

  StudyDirectory directory() {
    return directory;
  }

  ParameterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    directory.close();
  }
}
