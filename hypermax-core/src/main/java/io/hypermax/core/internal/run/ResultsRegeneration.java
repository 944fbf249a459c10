package io.hypermax.core.internal.run;

import io.hypermax.core.config.ConfigNode;
import io.hypermax.core.internal.config.HypermaxConfig;
import io.hypermax.core.internal.plugin.Plugins;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.spi.ResultGenerator;
import io.hypermax.core.spi.ResultGeneratorProvider;
import io.hypermax.core.storage.StoredStudy;
import io.hypermax.core.history.StudySnapshot;
import io.hypermax.core.trial.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import io.hypermax.core.stability.API;
import io.hypermax.core.internal.plugin.SectionKeys;

/**
 * Rebuilds every result file of a study directory from its journal without running a trial: what
 * {@code hypermax results} runs. Reads only (no lock), so it may run beside a live search.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsRegeneration {
  private ResultsRegeneration() {}

  /**
   * @param finished finished trials in the journal
   * @param complete COMPLETE ones among them
   * @param failedGenerators ids of the generators that failed (each was reported through warn)
   */
  public record Summary(int finished, int complete, List<String> failedGenerators, double seconds) {}

  /**
   * @param results the {@code results} settings the generators get (the config's, or an override)
   */
  public static Summary regenerate(Path directory, HypermaxConfig config, ConfigNode results, Plugins plugins, Consumer<String> warn) {
    StoredStudy state = StudyDirectory.read(directory);
    state.problems().forEach(warn);
    StudySnapshot snapshot = snapshot(config, state);
    long start = System.nanoTime();
    List<String> failed = new ArrayList<>();
    Path dir = directory.toAbsolutePath().normalize();
    List<ResultGeneratorProvider> providers = orderedGenerators(results, plugins);
    SectionKeys.requireKnown(results, ResultGeneratorProvider.Context.CORE_KEYS, providers);
    ConfigNode whole = new ConfigNode(config.file(), "", config.raw());
    int threads = ResultGeneratorProvider.Context.regenerationThreads();
    for (ResultGeneratorProvider p : providers) {
      try {
        ResultGenerator g = p.create(new ResultGeneratorProvider.Context(results, dir, whole, true, threads));
        g.generate(snapshot);
      } catch (Exception | LinkageError e) {
        failed.add(p.id());
        warn.accept("result generator " + p.id() + " failed: " + e);
      }
    }
    List<io.hypermax.core.guidance.GuidanceEvent> guidance = io.hypermax.core.internal.guidance.GuidanceHistory.of(state);
    if (!guidance.isEmpty()) {
      try {
        io.hypermax.core.internal.guidance.GuidanceCsv.write(dir, guidance);
      } catch (java.io.IOException e) {
        failed.add("guidance");
        warn.accept("cannot write " + dir.resolve(io.hypermax.core.internal.guidance.GuidanceCsv.FILE_NAME) + ": " + e.getMessage());
      }
    }
    return new Summary(snapshot.finishedCount(), snapshot.complete().size(), failed, (System.nanoTime() - start) / 1e9);
  }

  /** The installed generators in dependency order; a missing dependency is an error of the {@code results} section. */
  static List<ResultGeneratorProvider> orderedGenerators(ConfigNode results, Plugins plugins) {
    try {
      return plugins.resultGenerators();
    } catch (IllegalStateException e) {
      throw results.error(e.getMessage());
    }
  }

  /** The finished trials of a stored study, with the nested parameter view the function received rebuilt from the space. */
  public static StudySnapshot snapshot(HypermaxConfig config, StoredStudy state) {
    SearchSpace space = config.space();
    List<Trial> trials = new ArrayList<>();
    for (Trial t : state.finished()) {
      trials.add(new Trial(t.number(), t.assignment(), space.nest(t.assignment()), t.status(), t.start(), t.end(), t.result()));
    }
    long seed = state.seed() != null ? state.seed() : config.seed().orElse(0L);
    return new StudySnapshot(space, trials, config.direction(), Math.max(config.iterations(), trials.size()), seed)
        .withCurves(io.hypermax.core.history.LearningCurves.of(state), -1);
  }
}
