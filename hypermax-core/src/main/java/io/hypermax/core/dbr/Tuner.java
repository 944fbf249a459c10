package io.hypermax.core.dbr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.config.JsonValues;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.internal.run.StudyDirectory;
import io.hypermax.core.internal.run.StudyFactory;
import io.hypermax.core.storage.FsyncPolicy;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Journal;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.trial.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.plugin.SectionKeys;

/**
 * The define-by-run entry point (StoRM's {@code Tuner}): a build function declares the space as it
 * reads its parameters, a trial runner scores what it built, and the tuner searches with StoRM (or
 * any other optimizer) in a project directory that keeps every trial, so running it again resumes.
 *
 * <pre>{@code
 * Tuner<Mlp> tuner = Tuner.builder(MyModels::build, (trial, model) -> model.fitAndScore(data))
 *     .projectDir(Path.of("my-project"))
 *     .direction("minimize")
 *     .maxTrials(100)
 *     .seed(42)
 *     .build();
 * TuningResult result = tuner.search();
 * result.best().ifPresent(best -> System.out.println(best.params()));
 * }</pre>
 *
 * @param <M> what the build function builds
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Tuner<M> {
  public static final String DEFAULT_PROJECT_DIR = "storm-tuner-default-project";
  public static final String DEFAULT_METHOD = "storm";

  private final Builder<M> settings;
  private Plugins plugins;

  private Tuner(Builder<M> settings) {
    this.settings = settings;
  }

  public static <M> Builder<M> builder(BuildFunction<M> build, TrialRunner<M> runner) {
    return new Builder<>(build, runner);
  }

  public Path projectDir() {
    return settings.projectDir;
  }

  /**
   * Runs trials until {@code maxTrials} trials (counting earlier runs of the project) are done, the
   * optimizer has nothing left to try, or {@code maxConsecutiveFailures} trials failed in a row.
   */
  public TuningResult search() {
    ObjectNode recorded = settings.optimizerSettings();
    try (TunerProject project =
        TunerProject.open(settings.projectDir, settings.overwrite, settings.direction, recorded, settings.fsync, settings.warn)) {
      ParameterRegistry registry = project.registry();
      StudyDirectory dir = project.directory();
      StudyFactory factory =
          StudyFactory.forSpace(registry.space())
              .optimizer(seed -> new DefineByRunOptimizer(createOptimizer(registry, seed), new DefineByRunProbe(registry, settings.build)))
              .direction(settings.direction)
              .seed(settings.seed)
              .iterations(settings.maxTrials)
              .maxFailures(settings.maxConsecutiveFailures)
              .directory(dir)
              .warnings(settings.warn)
              .resultGenerators(settings.writeResults ? resultGenerators(dir.path()) : List.of());
      io.hypermax.core.pruning.PrunerSettings pruning =
          io.hypermax.core.pruning.PrunerSettings.from(new ConfigNode(null, "search", settings.optimizerSettings()));
      factory.pruner(seed -> io.hypermax.core.internal.run.Pruners.create(plugins(), pruning, settings.direction, seed), pruning);
      settings.listeners.forEach(factory::listener);
      try (Study study = factory.build()) {
        registry.onRegister((name, d) -> study.updateSpace(registry.space()));
        Study.Outcome outcome;
        try {
          outcome = study.run(new TunerExecutor<>(registry, settings.build, settings.runner), settings.parallel, dir.path().resolve("logs"));
        } catch (IllegalStateException e) {
          // The study wraps what went wrong while planning a trial; a redefinition is the user's to fix.
          if (e.getCause() instanceof ParameterRedefinedException redefined) {
            throw redefined;
          }
          throw e;
        }
        return toResult(outcome.snapshot().finished(), outcome.stopReason());
      }
    }
  }

  /** The trials recorded in the project directory so far (without searching). */
  public TuningResult results() {
    if (!Journal.exists(settings.projectDir)) {
      return toResult(List.of(), null);
    }
    StoredStudy state = StudyDirectory.read(settings.projectDir);
    // The project's own direction decides what "best" is, whatever this builder was told.
    Direction direction = TunerProject.recordedDirection(state).orElse(settings.direction);
    return new TuningResult(state.finished().stream().map(TrialRecord::of).toList(), direction, null);
  }

  private TuningResult toResult(List<Trial> finished, String stopReason) {
    return new TuningResult(finished.stream().map(TrialRecord::of).toList(), settings.direction, stopReason);
  }

  private Optimizer createOptimizer(ParameterRegistry registry, long seed) {
    if (settings.optimizer != null) {
      return settings.optimizer;
    }
    OptimizerProvider provider = plugins().optimizer(settings.method);
    ConfigNode search = new ConfigNode(null, "search", settings.optimizerSettings());
    SectionKeys.requireKnown(search, OptimizerProvider.Context.CORE_KEYS, provider);
    return provider.create(new OptimizerProvider.Context(registry.space(), search, seed));
  }

  private List<ResultGenerator> resultGenerators(Path directory) {
    ConfigNode results = ConfigNode.empty(null, "results");
    ObjectNode config = JsonValues.MAPPER.createObjectNode();
    config.set("search", settings.optimizerSettings());
    List<ResultGenerator> generators = new ArrayList<>();
    ConfigNode whole = new ConfigNode(null, "", config);
    for (ResultGeneratorProvider p : plugins().resultGenerators()) {
      generators.add(p.create(new ResultGeneratorProvider.Context(results, directory, whole)));
    }
    return generators;
  }

  private Plugins plugins() {
    if (plugins == null) {
      plugins = settings.plugins != null ? settings.plugins : Plugins.load();
    }
    return plugins;
  }

  /** Settings of a {@link Tuner}; every value is checked when it is set. */
  public static final class Builder<M> {
    private final BuildFunction<M> build;
    private final TrialRunner<M> runner;
    private Path projectDir = Path.of(DEFAULT_PROJECT_DIR);
    private Direction direction = Direction.MINIMIZE;
    private String method = DEFAULT_METHOD;
    private final ObjectNode methodSettings = JsonValues.MAPPER.createObjectNode();
    private int maxTrials = 100;
    private Long seed;
    private int parallel = 1;
    private int maxConsecutiveFailures = 10;
    private boolean overwrite;
    private boolean writeResults = true;
    private FsyncPolicy fsync = FsyncPolicy.GROUP;
    private Optimizer optimizer;
    private Plugins plugins;
    private Consumer<String> warn = LoggerFactory.getLogger(Tuner.class)::warn;
    private final List<StudyListener> listeners = new ArrayList<>();

    private Builder(BuildFunction<M> build, TrialRunner<M> runner) {
      this.build = Objects.requireNonNull(build, "build function");
      this.runner = Objects.requireNonNull(runner, "trial runner");
    }

    /** Where the journal, results and trial logs go; a directory with a journal is resumed. */
    public Builder<M> projectDir(Path dir) {
      this.projectDir = Objects.requireNonNull(dir).toAbsolutePath().normalize();
      return this;
    }

    /** "minimize" or "maximize" (also "min"/"max"); anything else is an error. Default: minimize. */
    public Builder<M> direction(String text) {
      this.direction = Direction.parse(text);
      return this;
    }

    public Builder<M> direction(Direction d) {
      this.direction = Objects.requireNonNull(d);
      return this;
    }

    /** The optimizer, as in {@code search.method} (default {@code storm}). */
    public Builder<M> method(String id) {
      this.method = Objects.requireNonNull(id);
      return this;
    }

    /**
     * A setting as it would appear under {@code search} in a config file; {@code method}, {@code seed},
     * {@code iterations} and {@code direction} go to the tuner's own fields, the rest to the optimizer,
     * which validates them (StoRM's are {@code init_random} and {@code randomize_axis_factor}, see docs/storm.md).
     */
    public Builder<M> setting(String key, Object value) {
      switch (key) {
        case "method" -> method(String.valueOf(value));
        case "seed" -> seed(((Number) value).longValue());
        case "iterations" -> maxTrials(((Number) value).intValue());
        case "direction" -> direction(String.valueOf(value));
        default -> methodSettings.set(key, JsonValues.toJson(value));
      }
      return this;
    }

    /** Stops bad trials early: a pruner id ({@code median}, {@code successive_halving}, …), as {@code search.pruner}. */
    public Builder<M> pruner(String id) {
      return setting("pruner", id);
    }

    /** A pruner with settings, as the object {@code search.pruner} ({@code type} and the pruner's own keys). */
    public Builder<M> pruner(java.util.Map<String, Object> settings) {
      return setting("pruner", settings);
    }

    /** Total number of trials of the project, counting those of earlier runs. Default 100. */
    public Builder<M> maxTrials(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxTrials must be at least 1, found " + n);
      }
      this.maxTrials = n;
      return this;
    }

    /** Seeds every random choice; a resumed project keeps the seed it started with. */
    public Builder<M> seed(long s) {
      this.seed = s;
      return this;
    }

    /** Trials evaluated at once (the build function and runner must then be thread-safe). Default 1. */
    public Builder<M> parallel(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("parallel must be at least 1, found " + n);
      }
      this.parallel = n;
      return this;
    }

    /** Stop after this many failed trials in a row (0: never). Default 10. */
    public Builder<M> maxConsecutiveFailures(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxConsecutiveFailures must be 0 or more, found " + n);
      }
      this.maxConsecutiveFailures = n;
      return this;
    }

    /** Start afresh even if the project directory holds a journal (default false: resume). */
    public Builder<M> overwrite(boolean o) {
      this.overwrite = o;
      return this;
    }

    /** Write results.csv, best.json and other result files into the project directory (default true). */
    public Builder<M> writeResults(boolean w) {
      this.writeResults = w;
      return this;
    }

    /** When the project's journal is fsynced (default: group commit; see docs/results.md). */
    public Builder<M> fsync(FsyncPolicy f) {
      this.fsync = Objects.requireNonNull(f);
      return this;
    }

    /** Use this optimizer instead of one found by {@link #method}. */
    public Builder<M> optimizer(Optimizer o) {
      this.optimizer = Objects.requireNonNull(o);
      return this;
    }

    public Builder<M> plugins(Plugins p) {
      this.plugins = Objects.requireNonNull(p);
      return this;
    }

    /** Where warnings go (default: SLF4J, logger {@code io.hypermax.core.dbr.Tuner}, level WARN). */
    public Builder<M> warnings(Consumer<String> w) {
      this.warn = Objects.requireNonNull(w);
      return this;
    }

    /** Hears of every trial started and finished (progress output, dashboards). */
    public Builder<M> listener(StudyListener l) {
      this.listeners.add(Objects.requireNonNull(l));
      return this;
    }

    public Tuner<M> build() {
      return new Tuner<>(this);
    }

    private ObjectNode optimizerSettings() {
      ObjectNode s = methodSettings.deepCopy();
      s.put("method", optimizer != null ? "custom" : method);
      return s;
    }
  }
}
