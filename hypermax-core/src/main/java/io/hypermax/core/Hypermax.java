package io.hypermax.core;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.function.FunctionExecutor;
import io.hypermax.core.function.ObjectiveFunction;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.internal.run.StudyFactory;
import io.hypermax.core.storage.StudyStorage;
import io.hypermax.core.spi.OptimizerProvider;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.plugin.SectionKeys;

/**
 * The library entry point.
 *
 * <pre>{@code
 * StudySnapshot result = Hypermax.minimize(space, params -> train(params), 50);
 * Study study = Hypermax.study(space).method("tpe").seed(7).iterations(50).build();
 * Trial t = study.ask(); study.tell(t, evaluate(t.parameters()));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Hypermax {
  private Hypermax() {}

  /** Runs {@code iterations} trials of {@code function} in this thread with the default method; returns the final state. */
  public static StudySnapshot minimize(SearchSpace space, ObjectiveFunction function, int iterations) {
    return study(space).iterations(iterations).minimize(function);
  }

  public static StudyBuilder study(SearchSpace space) {
    return new StudyBuilder(space);
  }

  /** Chooses the method, seed, direction and budget of a library study. */
  public static final class StudyBuilder {
    private final SearchSpace space;
    private String method = io.hypermax.core.internal.config.HypermaxConfig.DEFAULT_METHOD;
    private Long seed;
    private int iterations = 100;
    private Direction direction = Direction.MINIMIZE;
    private io.hypermax.core.objective.Objective objective = io.hypermax.core.objective.Objective.LOSS;
    private Plugins plugins;
    private StudyStorage storage;
    private boolean deterministic;
    private com.fasterxml.jackson.databind.node.ObjectNode settings =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    private StudyBuilder(SearchSpace space) {
      this.space = space;
    }

    /** The optimizer id, as in {@code search.method}. */
    public StudyBuilder method(String id) {
      this.method = id;
      return this;
    }

    /**
     * A setting as it would appear under {@code search}; {@code method}, {@code seed},
     * {@code iterations} and {@code direction} go to the builder's own fields, the rest to the optimizer.
     */
    public StudyBuilder setting(String key, Object value) {
      switch (key) {
        case "method" -> method(String.valueOf(value));
        case "seed" -> seed(((Number) value).longValue());
        case "iterations" -> iterations(((Number) value).intValue());
        case "direction" -> direction(Direction.parse(String.valueOf(value)));
        default -> settings.set(key, io.hypermax.core.config.JsonValues.toJson(value));
      }
      return this;
    }

    public StudyBuilder seed(long s) {
      this.seed = s;
      return this;
    }

    public StudyBuilder iterations(int n) {
      this.iterations = n;
      return this;
    }

    public StudyBuilder direction(Direction d) {
      this.direction = d;
      return this;
    }

    /** How results become losses (the {@code metrics} section), e.g. a Pareto objective over several fields. */
    public StudyBuilder objective(io.hypermax.core.objective.Objective o) {
      this.objective = java.util.Objects.requireNonNull(o);
      return this;
    }

    public StudyBuilder plugins(Plugins p) {
      this.plugins = p;
      return this;
    }

    /** Record the study here (default: a fresh in-memory storage); a storage that holds a study resumes it. */
    public StudyBuilder storage(StudyStorage s) {
      this.storage = s;
      return this;
    }

    /** Trial n is suggested from exactly the trials before it, so a seeded parallel run is reproducible. */
    public StudyBuilder deterministic(boolean d) {
      this.deterministic = d;
      return this;
    }

    public Study build() {
      Plugins p = plugins != null ? plugins : Plugins.load();
      OptimizerProvider provider = p.optimizer(method);
      settings.put("method", method);
      ConfigNode search = new ConfigNode(null, "search", settings);
      io.hypermax.core.pruning.PrunerSettings pruning = io.hypermax.core.pruning.PrunerSettings.from(search);
      SectionKeys.requireKnown(new ConfigNode(null, "search", settings), OptimizerProvider.Context.CORE_KEYS, provider);
      return StudyFactory.forSpace(space)
          .pruner(s -> io.hypermax.core.internal.run.Pruners.create(p, pruning, direction, s), pruning)
          .optimizer(s -> provider.create(new OptimizerProvider.Context(space, new ConfigNode(null, "search", settings), s)))
          .seed(seed)
          .iterations(iterations)
          .direction(direction)
          .deterministic(deterministic)
          .objective(objective)
          .storage(storage)
          .build();
    }

    /** Builds the study and runs {@code function} until the budget is spent. */
    public StudySnapshot minimize(ObjectiveFunction function) {
      try (Study study = build()) {
        return study.run(new FunctionExecutor(function), 1, null).snapshot();
      }
    }
  }
}
