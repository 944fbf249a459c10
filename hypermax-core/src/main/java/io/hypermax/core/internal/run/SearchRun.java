package io.hypermax.core.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.config.ConfigException;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.plugin.UnknownPluginException;
import io.hypermax.core.spi.Executor;
import io.hypermax.core.spi.ExecutorProvider;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.plugin.SectionKeys;
import io.hypermax.core.config.ConfigNode;

/**
 * One search driven by a configuration: turns the config's plugins (optimizer, executor, result
 * generators) into what {@link StudyDirectory} and {@link StudyFactory} need, and runs the study.
 * The CLI and library users who have a config file both go through here.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SearchRun implements AutoCloseable {
  public static final String CONFIG_COPY = StudyDirectory.CONFIG_COPY;

  private final HypermaxConfig config;
  private final Path resultsDirectory;
  private final boolean resumed;
  private final Study study;
  private final Executor executor;

  private SearchRun(HypermaxConfig config, Path resultsDirectory, boolean resumed, Study study, Executor executor) {
    this.config = config;
    this.resultsDirectory = resultsDirectory;
    this.resumed = resumed;
    this.study = study;
    this.executor = executor;
  }

  /**
   * Options beyond the config.
   *
   * @param newDirectory the exact results directory to create for a new search (the CLI's {@code --results DIR}),
   *     instead of the next free {@code results.directory_N}; it must not exist yet. Null for the default.
   */
  public record Options(
      Path workingDirectory, Path resumeDirectory, List<StudyListener> listeners, Consumer<String> warn, Path newDirectory) {
    public Options(Path workingDirectory, Path resumeDirectory, List<StudyListener> listeners, Consumer<String> warn) {
      this(workingDirectory, resumeDirectory, listeners, warn, null);
    }

    public static Options defaults() {
      // Warnings go to SLF4J: library users see them through their own logging backend, never on the terminal directly.
      return new Options(Path.of("").toAbsolutePath(), null, List.of(), LoggerFactory.getLogger(SearchRun.class)::warn);
    }
  }

  /** Validates plugins and settings without touching the disk: what {@code hypermax validate} runs. */
  public static void validate(HypermaxConfig config, Plugins plugins) {
    long seed = config.seed().orElse(0L);
    createOptimizer(config, plugins, seed);
    io.hypermax.core.internal.run.Pruners.create(plugins, config.pruner(), config.direction(), seed);
    try (Executor e = createExecutor(config, plugins, null)) {
      // created only to validate
    }
    createResultGenerators(config, plugins, config.directory().resolve(config.resultsDirectory()));
  }

  /** The result generators of a search writing to {@code dir}; checks the {@code results} section first. */
  private static List<ResultGenerator> createResultGenerators(HypermaxConfig config, Plugins plugins, Path dir) {
    List<ResultGeneratorProvider> providers = ResultsRegeneration.orderedGenerators(config.results(), plugins);
    SectionKeys.requireKnown(config.results(), ResultGeneratorProvider.Context.CORE_KEYS, providers);
    ConfigNode whole = new ConfigNode(config.file(), "", config.raw());
    List<ResultGenerator> generators = new ArrayList<>();
    for (ResultGeneratorProvider p : providers) {
      generators.add(p.create(new ResultGeneratorProvider.Context(config.results(), dir, whole)));
    }
    return generators;
  }

  /**
   * Claims a new results directory (or reopens the one to resume) and assembles the study with
   * {@link StudyFactory}: the CLI's only path to a study.
   */
  public static SearchRun prepare(HypermaxConfig config, Plugins plugins, Options options) {
    boolean resuming = options.resumeDirectory() != null;
    // A bad method or method setting, or a bad results setting, fails before a results directory is made.
    createOptimizer(config, plugins, config.seed().orElse(0L));
    io.hypermax.core.internal.run.Pruners.create(plugins, config.pruner(), config.direction(), config.seed().orElse(0L));
    createResultGenerators(config, plugins, config.directory().resolve(config.resultsDirectory()));
    StudyDirectory dir =
        resuming
            ? StudyDirectory.resume(options.resumeDirectory(), config.fsync(), options.warn())
            : options.newDirectory() != null
                ? StudyDirectory.createExact(
                    options.workingDirectory().resolve(options.newDirectory()), config.fsync(), options.warn())
                : StudyDirectory.createNew(
                options.workingDirectory(), config.resultsDirectory(), config.fsync(), options.warn(),
                problem -> config.results().get("directory").error(problem));
    Executor executor = null;
    try {
      boolean resumed = dir.hasStudy();
      if (resumed) {
        requireSameSpace(config, dir);
      }
      executor = createExecutor(config, plugins, dir.path());
      List<ResultGenerator> generators = createResultGenerators(config, plugins, dir.path());
      dir.writeConfigCopy(config.raw());
      StudyFactory factory =
          StudyFactory.forSpace(config.space())
              .optimizer(seed -> createOptimizer(config, plugins, seed))
              .pruner(seed -> io.hypermax.core.internal.run.Pruners.create(plugins, config.pruner(), config.direction(), seed), config.pruner())
              .direction(config.direction())
              .objective(config.objective())
              .iterations(config.iterations())
              .maxFailures(config.maxFailures())
              .deterministic(config.deterministic())
              .seed(config.seed().orElse(null))
              .directory(dir)
              .warnings(options.warn())
              .resultGenerators(generators);
      options.listeners().forEach(factory::listener);
      return new SearchRun(config, dir.path(), resumed, factory.build(), executor);
    } catch (RuntimeException | Error e) {
      if (executor != null) {
        executor.close();
      }
      if (resuming) {
        dir.close();
      } else {
        dir.closeAndDiscardIfUnused();
      }
      throw e;
    }
  }

  /** A resumed study must search the space its journal was written for. */
  private static void requireSameSpace(HypermaxConfig config, StudyDirectory dir) {
    JsonNode recorded = dir.configCopy();
    StudyDirectory.refuseChanged(
        recorded == null ? null : recorded.path("hyperparameters"),
        config.raw().path("hyperparameters"),
        () -> new ConfigException(
            config.file(),
            "hyperparameters",
            "differs from the search space of the study being resumed (" + dir.path().resolve(CONFIG_COPY)
                + "); a resumed search must keep its space. Start a new search, or restore the space"));
  }

  private static Optimizer createOptimizer(HypermaxConfig config, Plugins plugins, long seed) {
    OptimizerProvider provider;
    try {
      provider = plugins.optimizer(config.method());
    } catch (UnknownPluginException | IllegalStateException e) {
      throw config.search().get("method").error(e.getMessage());
    }
    SectionKeys.requireKnown(config.search(), OptimizerProvider.Context.CORE_KEYS, provider);
    return provider.create(new OptimizerProvider.Context(config.space(), config.search(), seed));
  }

  private static Executor createExecutor(HypermaxConfig config, Plugins plugins, Path resultsDir) {
    ExecutorProvider provider;
    try {
      provider = plugins.executor(config.functionType());
    } catch (UnknownPluginException | IllegalStateException e) {
      throw config.function().get("type").error(e.getMessage());
    }
    SectionKeys.requireKnown(config.function(), ExecutorProvider.Context.CORE_KEYS, provider);
    return provider.create(new ExecutorProvider.Context(config.function(), config.directory(), resultsDir, config.space()));
  }

  public Study.Outcome run() {
    return study.run(executor, parallelism(), resultsDirectory.resolve("logs"));
  }

  /** {@code function.parallel} when given, else what the executor prefers (an ssh pool's slots), else 1. */
  public int parallelism() {
    return config.function().has("parallel") ? config.parallel() : executor.preferredParallelism().orElse(config.parallel());
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
      study.close(); // the journal (a last fsync), then the directory lock
    }
  }

}
