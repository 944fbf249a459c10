package io.hypermax.cli;

import io.hypermax.core.internal.config.ConfigLoader;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.ResultsRegeneration;
import io.hypermax.core.internal.run.StudyDirectory;
import io.hypermax.core.spi.StorageProvider;
import io.hypermax.core.storage.SharedStudyStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.study.Journal;
import io.hypermax.core.trial.Trial;
import io.hypermax.core.internal.storage.StorageUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hypermax study export|import}: moves a study between a shared storage and a local results directory. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Move a study between --storage (e.g. PostgreSQL) and a local results directory.",
    subcommands = {StudyCommand.Export.class, StudyCommand.Import.class})
final class StudyCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StudyCommand.class);
  @Override
  public Integer call() {
    System.out.println("usage: hypermax study export|import CONFIG DIR --storage URL   (see hypermax study --help)");
    return ErrorHandler.CONFIG_ERROR;
  }

  static SharedStudyStorage open(String url, HypermaxConfig cfg) {
    String u = url != null ? url : cfg.storageUrl();
    if (u == null) {
      throw new UserException("no shared study: pass --storage URL or set storage.url in " + cfg.file(), ErrorHandler.CONFIG_ERROR);
    }
    try {
      return StorageProvider.forUrl(u, StudyCommand.class.getClassLoader()).open(u);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ErrorHandler.CONFIG_ERROR);
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage(), 1);
    }
  }

  /** Writes the shared study as a results directory, the same as a local run's (journal, search.json, results). */
  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a shared study to a new results directory.")
  static final class Export implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG") Path config;
    @Parameters(index = "1", paramLabel = "DIR", description = "A results directory to create (must not exist).") Path dir;
    @Option(names = "--storage", paramLabel = "URL") String storage;
    @Mixin PluginOptions plugins;

    @Override
    public Integer call() throws IOException {
      HypermaxConfig cfg = ConfigLoader.load(config);
      Plugins registry = plugins.load(cfg.pluginPaths());
      if (Files.exists(dir)) {
        throw new UserException(dir + " exists already; export writes a new results directory", ErrorHandler.CONFIG_ERROR);
      }
      StoredStudy stored;
      try (SharedStudyStorage s = open(storage, cfg)) {
        stored = s.load();
      }
      String u = storage != null ? storage : cfg.storageUrl();
      ResultsRegeneration.Summary sum =
          SharedStudyWriter.write(dir, cfg, cfg.results(), stored, StorageUrls.redact(u), registry, LOG::warn);
      System.out.printf("exported %d finished trials (%d complete, %d unfinished) to %s%n",
          sum.finished(), sum.complete(), stored.abandoned().size(), dir);
      return sum.failedGenerators().isEmpty() ? 0 : 1;
    }
  }

  /** Loads a local results directory into an empty shared study, so workers can continue it. */
  @Command(name = "import", mixinStandardHelpOptions = true, description = "Load a local results directory into an empty shared study.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG") Path config;
    @Parameters(index = "1", paramLabel = "DIR", description = "A results directory of a local run.") Path dir;
    @Option(names = "--storage", paramLabel = "URL") String storage;

    @Override
    public Integer call() {
      HypermaxConfig cfg = ConfigLoader.load(config);
      if (!Journal.exists(dir)) {
        throw new UserException(dir + " holds no " + Journal.FILE_NAME + " (not a results directory)", ErrorHandler.CONFIG_ERROR);
      }
      StoredStudy local = StudyDirectory.read(dir);
      local.problems().forEach(LOG::warn);
      if (local.seed() == null) {
        throw new UserException(dir + ": the journal holds no study record", 1);
      }
      try (SharedStudyStorage s = open(storage, cfg)) {
        if (!s.load().isEmpty()) {
          throw new UserException("the shared study is not empty; import only into a new study name", 1);
        }
        s.recordStudy(local.seed());
        for (Trial t : local.finished()) {
          s.recordTrialStart(t);
          s.recordTrialEnd(t);
        }
        int slots = Math.max(cfg.iterations(), local.nextTrialNumber());
        s.begin(local.seed(), slots); // free slots for the rest of the budget
        // Trials the local run left unfinished become free slots again: workers suggest them anew.
        System.out.printf("imported %d finished trials into a study of %d trials%n", local.finished().size(), slots);
      }
      return 0;
    }
  }
}
