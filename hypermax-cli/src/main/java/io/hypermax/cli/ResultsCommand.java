package io.hypermax.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.ResultsRegeneration;
import io.hypermax.core.internal.run.SearchRun;
import io.hypermax.core.storage.JournalVersionException;
import io.hypermax.core.study.Journal;
import io.hypermax.core.internal.storage.StorageUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hypermax results RESULTS_DIR}: rebuilds every result file (results.csv, best.json, charts,
 * correlations, report) from the directory's journal and configuration copy, without running a trial.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = "Regenerate every result file of RESULTS_DIR from its journal, without running trials.")
final class ResultsCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultsCommand.class);
  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A results directory (holds journal.jsonl).")
  Path directory;

  @Option(
      names = "--config",
      paramLabel = "CONFIG",
      description = "The search configuration, when RESULTS_DIR has no search.json (default: RESULTS_DIR/search.json).")
  Path config;

  @Option(names = "--graphs", description = "Draw the charts even if the configuration sets results.graphs: false.")
  boolean forceGraphs;

  @Option(names = "--storage", paramLabel = "URL",
      description = "Read the study from this shared storage (e.g. postgresql://user@host/db?study=name) and write"
          + " RESULTS_DIR from it (a new directory, or one written by an earlier results --storage).")
  String storage;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    Path dir = directory.toAbsolutePath().normalize();
    if (storage != null) {
      return fromStorage(dir);
    }
    if (!Journal.exists(dir)) {
      throw new UserException(dir + " is not a results directory: it has no " + Journal.FILE_NAME, ErrorHandler.CONFIG_ERROR);
    }
    Path configFile = config != null ? config : dir.resolve(SearchRun.CONFIG_COPY);
    if (!Files.isRegularFile(configFile)) {
      throw new UserException(
          configFile + " not found: pass the search configuration with --config", ErrorHandler.CONFIG_ERROR);
    }
    HypermaxConfig cfg = ConfigLoader.load(configFile);
    Plugins registry = plugins.load(cfg.pluginPaths());
    registry.problems().forEach(LOG::warn);

    ConfigNode results = forceGraphs ? withGraphs(cfg) : cfg.results();
    ResultsRegeneration.Summary summary;
    try {
      summary = ResultsRegeneration.regenerate(dir, cfg, results, registry, LOG::warn);
    } catch (JournalVersionException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    }
    System.out.printf(
        "regenerated %s from %d finished trials (%d complete) in %.1f s%n", dir, summary.finished(), summary.complete(), summary.seconds());
    return summary.failedGenerators().isEmpty() ? 0 : 1;
  }

  /** {@code --storage}: the study as the shared storage holds it now, written as a results directory. */
  private int fromStorage(Path dir) {
    if (Files.exists(dir) && !Files.isRegularFile(dir.resolve(SharedStudyWriter.MARKER))) {
      throw new UserException(dir + " exists and was not written by results --storage; give a new directory"
          + " (a local run's journal is never replaced)", ErrorHandler.CONFIG_ERROR);
    }
    Path configFile = config != null ? config : dir.resolve(SearchRun.CONFIG_COPY);
    if (!Files.isRegularFile(configFile)) {
      throw new UserException(configFile + " not found: pass the search configuration with --config", ErrorHandler.CONFIG_ERROR);
    }
    HypermaxConfig cfg = ConfigLoader.load(configFile);
    Plugins registry = plugins.load(cfg.pluginPaths());
    registry.problems().forEach(LOG::warn);
    io.hypermax.core.storage.StoredStudy stored;
    try (io.hypermax.core.storage.SharedStudyStorage s = StudyCommand.open(storage, cfg)) {
      stored = s.load();
    }
    ResultsRegeneration.Summary summary;
    try {
      summary = SharedStudyWriter.write(dir, cfg, forceGraphs ? withGraphs(cfg) : cfg.results(), stored,
          StorageUrls.redact(storage), registry, LOG::warn);
    } catch (java.io.IOException e) {
      throw new UserException("cannot write " + dir + ": " + e.getMessage(), 1);
    }
    System.out.printf("wrote %s from %s: %d finished trials (%d complete), %d running or queued, in %.1f s%n", dir,
        StorageUrls.redact(storage), summary.finished(), summary.complete(), stored.abandoned().size(), summary.seconds());
    return summary.failedGenerators().isEmpty() ? 0 : 1;
  }

  private static ConfigNode withGraphs(HypermaxConfig cfg) {
    ObjectNode copy =
        cfg.results().json() instanceof ObjectNode o ? o.deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    copy.put("graphs", true);
    return new ConfigNode(cfg.results().file(), cfg.results().path(), copy);
  }
}
