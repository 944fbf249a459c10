package io.hypermax.core.run;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.config.HypermaxConfig;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.plugin.Plugins;
import io.hypermax.core.plugin.UnknownPluginException;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One search driven by a configuration: picks or reuses the results directory, opens the journal,
 * creates the optimizer, executor and result generators from the plugins, and runs the study. The
 * CLI and library users who have a config file both go through here.
 */
public final class SearchRun implements AutoCloseable {
  public static final String CONFIG_COPY = "search.json";

  private final HypermaxConfig config;
  private final Path resultsDirectory;
  private final boolean resumed;
  private final Study study;
  private final Executor executor;
  private final Journal journal;
  private final DirectoryLock lock;

  private SearchRun(
      HypermaxConfig config,
      Path resultsDirectory,
      boolean resumed,
      Study study,
      Executor executor,
      Journal journal,
      DirectoryLock lock) {
    this.config = config;
    this.resultsDirectory = resultsDirectory;
    this.resumed = resumed;
    this.study = study;
    this.executor = executor;
    this.journal = journal;
    this.lock = lock;
  }

  /** Options beyond the config. */
  public record Options(Path workingDirectory, Path resumeDirectory, List<StudyListener> listeners, Consumer<String> warn) {
    public static Options defaults() {
      return new Options(Path.of("").toAbsolutePath(), null, List.of(), System.err::println);
    }
  }

  /** Validates plugins and settings without touching the disk: what {@code hypermax validate} runs. */
  public static void validate(HypermaxConfig config, Plugins plugins) {
    long seed = config.seed().orElse(0L);
    createOptimizer(config, plugins, seed);
    try (Executor e = createExecutor(config, plugins, null)) {
      // created only to validate
    }
  }

  public static SearchRun prepare(HypermaxConfig config, Plugins plugins, Options options) {
    while (true) {
      try {
        return prepareOnce(config, plugins, options);
      } catch (DirectoryTaken raced) {
        // another search created the same results_<N> between our check and our mkdir: take the next
      }
    }
  }

  /** Thrown when a new results directory was claimed by another process first. */
  private static final class DirectoryTaken extends RuntimeException {
    DirectoryTaken() {
      super(null, null, false, false);
    }
  }

  private static SearchRun prepareOnce(HypermaxConfig config, Plugins plugins, Options options) {
    Path dir;
    boolean resumed = options.resumeDirectory() != null;
    Journal.State state = null;
    DirectoryLock lock = null;
    if (resumed) {
      dir = options.resumeDirectory().toAbsolutePath().normalize();
      if (!Journal.exists(dir)) {
        throw new ConfigException(
            dir.toString(), "", "not a results directory to resume: it has no " + Journal.FILE_NAME);
      }
      lock = DirectoryLock.acquire(dir);
    } else {
      dir = ResultsDirectories.next(options.workingDirectory(), config.resultsDirectory()).toAbsolutePath().normalize();
    }
    Executor executor = null;
    try {
      if (resumed) {
        requireSameSpace(config, dir);
        state = Journal.read(dir);
        state.problems().forEach(options.warn());
      }
      // A resumed study keeps its original seed so it continues the same sequence.
      long seed =
          state != null && state.seed() != null
              ? state.seed()
              : config.seed().orElseGet(() -> new SecureRandom().nextLong() & 0xFFFFFFFFL);
      if (state != null && state.seed() != null && config.seed().isPresent() && !config.seed().get().equals(state.seed())) {
        options.warn().accept(
            "resuming with the study's original seed " + state.seed() + ", not search.seed " + config.seed().get());
      }
      Optimizer optimizer = createOptimizer(config, plugins, seed);
      executor = createExecutor(config, plugins, dir);

      List<ResultGenerator> generators = new ArrayList<>();
      for (ResultGeneratorProvider p : plugins.resultGenerators()) {
        generators.add(p.create(new ResultGeneratorProvider.Context(config.results(), dir, config.raw())));
      }
      if (!resumed) {
        createNew(config, dir);
        lock = DirectoryLock.acquire(dir);
      }
      try {
        if (!resumed || !Files.exists(dir.resolve(CONFIG_COPY))) {
          Files.writeString(
              dir.resolve(CONFIG_COPY),
              JsonValues.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(config.raw()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve(CONFIG_COPY), e);
      }
      Journal journal = Journal.open(dir);
      if (!resumed || state.seed() == null) {
        journal.writeStudy(seed);
      }
      Study.Builder builder =
          Study.builder(config.space(), optimizer)
              .direction(config.direction())
              .objective(config.objective())
              .seed(seed)
              .iterations(config.iterations())
              .maxFailures(config.maxFailures())
              .journal(journal);
      if (state != null) {
        builder.restore(state);
      }
      builder.listener(new ResultPublisher(generators, options.warn(), 5_000));
      options.listeners().forEach(builder::listener);
      return new SearchRun(config, dir, resumed, builder.build(), executor, journal, lock);
    } catch (RuntimeException | Error e) {
      if (executor != null) {
        executor.close();
      }
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  /** Claims a new results directory atomically; a user-facing error when it cannot be made. */
  private static void createNew(HypermaxConfig config, Path dir) {
    try {
      if (dir.getParent() != null) {
        Files.createDirectories(dir.getParent());
      }
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      if (Files.isDirectory(dir) && dir.toString().equals(e.getFile())) {
        throw new DirectoryTaken(); // claimed by another search a moment ago
      }
      throw config.results().get("directory").error("cannot create the results directory " + dir + ": " + e.getFile() + " exists and is not a folder");
    } catch (IOException e) {
      throw config.results().get("directory").error("cannot create the results directory " + dir + ": " + describe(e));
    }
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
        ? fse.getReason() + " (" + fse.getFile() + ")"
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A resumed study must search the space its journal was written for. */
  private static void requireSameSpace(HypermaxConfig config, Path dir) {
    Path copy = dir.resolve(CONFIG_COPY);
    if (!Files.exists(copy)) {
      return;
    }
    com.fasterxml.jackson.databind.JsonNode recorded;
    try {
      recorded = JsonValues.MAPPER.readTree(copy.toFile());
    } catch (IOException e) {
      return; // an unreadable copy is no reason to refuse the journal itself
    }
    if (!recorded.path("hyperparameters").equals(config.raw().path("hyperparameters"))) {
      throw new ConfigException(
          config.file(),
          "hyperparameters",
          "differs from the search space of the study being resumed (" + copy
              + "); a resumed search must keep its space. Start a new search, or restore the space");
    }
  }

  private static Optimizer createOptimizer(HypermaxConfig config, Plugins plugins, long seed) {
    OptimizerProvider provider;
    try {
      provider = plugins.optimizer(config.method());
    } catch (UnknownPluginException | IllegalStateException e) {
      throw config.search().get("method").error(e.getMessage());
    }
    return provider.create(new OptimizerProvider.Context(config.space(), config.search(), seed));
  }

  private static Executor createExecutor(HypermaxConfig config, Plugins plugins, Path resultsDir) {
    ExecutorProvider provider;
    try {
      provider = plugins.executor(config.functionType());
    } catch (UnknownPluginException | IllegalStateException e) {
      throw config.function().get("type").error(e.getMessage());
    }
    return provider.create(new ExecutorProvider.Context(config.function(), config.directory(), resultsDir, config.space()));
  }

  public Study.Outcome run() {
    return study.run(executor, config.parallel(), resultsDirectory.resolve("logs"));
  }

  public Study study() {
    return study;
  }

  public Path resultsDirectory() {
    return resultsDirectory;
  }

  public boolean resumed() {
    return resumed;
  }

  public HypermaxConfig config() {
    return config;
  }

  @Override
  public void close() {
    try {
      executor.close();
    } finally {
      try {
        journal.close();
      } finally {
        lock.close();
      }
    }
  }

}
