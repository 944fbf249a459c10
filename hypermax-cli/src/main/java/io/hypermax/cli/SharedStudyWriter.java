package io.hypermax.cli;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.ResultsRegeneration;
import io.hypermax.core.internal.run.StudyDirectory;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a study read from a shared storage as a results directory, the same as a local run's:
 * journal.jsonl (finished trials in finish order, unfinished ones as started), search.json and every
 * result file. Used by {@code hypermax study export} and {@code hypermax results --storage}.
 */
final class SharedStudyWriter {
  /** The file that marks a directory as written from a shared storage (holds the URL, password hidden). */
  static final String MARKER = "storage.txt";

  private SharedStudyWriter() {}

  static ResultsRegeneration.Summary write(Path dir, HypermaxConfig cfg, ConfigNode results, StoredStudy stored,
      String redactedUrl, Plugins registry, java.util.function.Consumer<String> warn) throws IOException {
    if (stored.seed() == null) {
      throw new UserException("the shared study holds nothing yet (no study record)", 1);
    }
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(Journal.FILE_NAME)); // a fresh copy of the study as it is now
    try (Journal j = Journal.open(dir)) {
      j.recordStudy(stored.seed());
      for (Trial t : stored.finished()) {
        j.recordTrialStart(t);
      }
      for (Trial t : stored.abandoned()) {
        j.recordTrialStart(t, stored.abandonedMetadata(t.number())); // unfinished: a local resume runs them again
      }
      // The workers' reports and pruning decisions, after the starts (a start resets a trial's curve).
      for (StoredStudy.Intermediate v : stored.intermediates()) {
        j.recordIntermediate(v.trial(), v.step(), v.value());
      }
      for (com.fasterxml.jackson.databind.JsonNode e : stored.customEvents()) {
        if (e instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
          j.recordCustom(o);
        }
      }
      for (Trial t : stored.finished()) {
        j.recordTrialEnd(t);
      }
    }
    Files.writeString(dir.resolve(StudyDirectory.CONFIG_COPY),
        JsonValues.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(cfg.raw()));
    Files.writeString(dir.resolve(MARKER), redactedUrl + "\n");
    return ResultsRegeneration.regenerate(dir, cfg, results, registry, warn);
  }
}
