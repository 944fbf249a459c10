package io.hypermax.core.internal.run;

import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.Optimizer;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.storage.InMemoryStorage;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.storage.StudyStorage;
import io.hypermax.core.objective.Direction;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import io.hypermax.core.stability.API;

/**
 * The one way a {@link Study} is assembled, whoever starts it (the CLI's {@link SearchRun}, the
 * library's {@code Hypermax.study}, the define-by-run {@code Tuner}): it restores what the
 * directory or storage holds, chooses the seed ({@link SeedPolicy}), creates the optimizer with it,
 * records a new study, and attaches result generators and listeners.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StudyFactory {
  private final SearchSpace space;
  private LongFunction<Optimizer> optimizer;
  private Direction direction = Direction.MINIMIZE;
  private int iterations = 100;
  private int maxFailures;
  private boolean deterministic;
  private io.hypermax.core.objective.Objective objective = io.hypermax.core.objective.Objective.LOSS;
  private Long seed;
  private LongFunction<io.hypermax.core.spi.Pruner> pruner;
  private io.hypermax.core.pruning.PrunerSettings prunerSettings = io.hypermax.core.pruning.PrunerSettings.NONE;
  private StudyDirectory directory;
  private StudyStorage storage;
  private String where = "the study";
  private Consumer<String> warn = org.slf4j.LoggerFactory.getLogger(StudyFactory.class)::warn;
  private final List<ResultGenerator> generators = new ArrayList<>();
  private final List<StudyListener> listeners = new ArrayList<>();

  private StudyFactory(SearchSpace space) {
    this.space = Objects.requireNonNull(space);
  }

  public static StudyFactory forSpace(SearchSpace space) {
    return new StudyFactory(space);
  }

  /** Creates the optimizer once the seed is known (a resumed study keeps its own). */
  public StudyFactory optimizer(LongFunction<Optimizer> create) {
    this.optimizer = Objects.requireNonNull(create);
    return this;
  }

  /** Creates the pruner once the seed is known ({@code search.pruner}); none by default. */
  public StudyFactory pruner(LongFunction<io.hypermax.core.spi.Pruner> create, io.hypermax.core.pruning.PrunerSettings settings) {
    this.pruner = create;
    this.prunerSettings = Objects.requireNonNull(settings);
    return this;
  }

  public StudyFactory direction(Direction d) {
    this.direction = Objects.requireNonNull(d);
    return this;
  }

  public StudyFactory iterations(int n) {
    this.iterations = n;
    return this;
  }

  public StudyFactory maxFailures(int n) {
    this.maxFailures = n;
    return this;
  }

  public StudyFactory deterministic(boolean d) {
    this.deterministic = d;
    return this;
  }

  /** How raw results become losses (the {@code metrics} section); the study applies it in one place, {@code tell}. */
  public StudyFactory objective(io.hypermax.core.objective.Objective o) {
    this.objective = Objects.requireNonNull(o);
    return this;
  }

  /** The seed asked for (null: a random one), used unless the study being resumed has its own. */
  public StudyFactory seed(Long s) {
    this.seed = s;
    return this;
  }

  /** Record in this directory's journal; the study closes the directory. */
  public StudyFactory directory(StudyDirectory d) {
    this.directory = d;
    this.where = d.path().toString();
    return this;
  }

  /** Record in this storage instead of a directory (default: a fresh {@link InMemoryStorage}). */
  public StudyFactory storage(StudyStorage s) {
    this.storage = s;
    return this;
  }

  public StudyFactory warnings(Consumer<String> w) {
    this.warn = Objects.requireNonNull(w);
    return this;
  }

  /** Result generators, run by a {@link ResultPublisher} as trials finish. */
  public StudyFactory resultGenerators(List<ResultGenerator> g) {
    this.generators.addAll(g);
    return this;
  }

  public StudyFactory listener(StudyListener l) {
    this.listeners.add(Objects.requireNonNull(l));
    return this;
  }

  public Study build() {
    Objects.requireNonNull(optimizer, "optimizer");
    StudyStorage target = directory != null ? directory.journal() : storage != null ? storage : new InMemoryStorage();
    StoredStudy stored = directory != null ? directory.stored() : target.load();
    long chosen = SeedPolicy.choose(stored.seed(), seed, where, warn);
    Optimizer created = optimizer.apply(chosen);
    if (stored.seed() == null) {
      target.recordStudy(chosen);
    }
    Study.Builder b =
        Study.builder(space, created)
            .direction(direction)
            .seed(chosen)
            .iterations(iterations)
            .maxFailures(maxFailures)
            .deterministic(deterministic)
            .objective(objective)
            .storage(target);
    if (pruner != null && prunerSettings.enabled()) {
      b.pruner(pruner.apply(chosen), prunerSettings);
    }
    if (!stored.isEmpty()) {
      b.restore(stored);
    }
    if (!generators.isEmpty()) {
      b.listener(new ResultPublisher(generators, warn, 5_000));
    }
    listeners.forEach(b::listener);
    if (directory != null) {
      b.closeWith(directory);
      b.guidanceInbox(new io.hypermax.core.guidance.GuidanceInbox(directory.path(), warn));
      b.listener(new io.hypermax.core.internal.guidance.GuidanceCsv(directory.path(), warn));
    }
    return b.build();
  }
}
