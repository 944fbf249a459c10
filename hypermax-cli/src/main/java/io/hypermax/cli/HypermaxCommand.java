package io.hypermax.cli;

import io.hypermax.core.config.ConfigLoader;
import io.hypermax.core.config.HypermaxConfig;
import io.hypermax.core.plugin.Plugins;
import io.hypermax.core.run.SearchRun;
import io.hypermax.core.study.Study;
import io.hypermax.core.study.StudyListener;
import io.hypermax.core.trial.Trial;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hypermax CONFIG [RESULTS_DIR]}: runs a search, or resumes the one in RESULTS_DIR. */
@Command(
    name = "hypermax",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Hyperparameter optimization: runs the search described in CONFIG (JSON or YAML).",
    subcommands = {
      ValidateCommand.class,
      InitCommand.class,
      PluginsCommand.class,
      ResultsCommand.class,
      BenchCommand.class,
      WorkerCommand.class,
      StudyCommand.class
    })
final class HypermaxCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The search configuration.")
  Path config;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "RESULTS_DIR",
      description = "A results directory of an earlier run of this search, to resume it.")
  Path resume;

  @Option(names = "--seed", description = "Seed for a reproducible sequence of trials (overrides search.seed).")
  Long seed;

  @Option(names = "--iterations", description = "Total number of trials, resumed ones included (overrides search.iterations).")
  Integer iterations;

  @Option(names = "--no-ui", description = "Plain log lines instead of the live progress display.")
  boolean noUi;

  @Option(names = "--storage", paramLabel = "URL",
      description = "Start (or join) a study shared by workers on many hosts, e.g. postgresql://user@host:5432/db?study=name (see hypermax worker).")
  String storage;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    if (config == null) {
      out.println("usage: hypermax CONFIG [RESULTS_DIR]   (see hypermax --help)");
      return ErrorHandler.CONFIG_ERROR;
    }
    HypermaxConfig cfg = ConfigLoader.load(config);
    if (seed != null) {
      cfg = cfg.withSearchValue("seed", seed);
    }
    if (iterations != null) {
      if (iterations < 1) {
        throw new UserException("--iterations must be at least 1", ErrorHandler.CONFIG_ERROR);
      }
      cfg = cfg.withSearchValue("iterations", iterations);
    }
    Plugins registry = plugins.load(cfg.pluginPaths());
    registry.problems().forEach(p -> System.err.println("warning: " + p));
    if (storage != null || cfg.storageUrl() != null) {
      return WorkerCommand.work(cfg, registry, storage != null ? storage : cfg.storageUrl(), null, out); // docs/scale-out.md
    }

    boolean live = !noUi && cfg.uiEnabled() && System.console() != null;
    ProgressListener progress = new ProgressListener(out, live);
    SearchRun.Options options =
        new SearchRun.Options(
            Path.of("").toAbsolutePath(), resume, List.<StudyListener>of(progress), m -> System.err.println("warning: " + m));
    try (SearchRun run = SearchRun.prepare(cfg, registry, options)) {
      Study study = run.study();
      progress.begin(study, run.resultsDirectory(), run.resumed());
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                study.stop();
                try {
                  finished.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                  Thread.currentThread().interrupt();
                }
              },
              "hypermax-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      Study.Outcome outcome;
      try {
        outcome = run.run();
        progress.end();
        printSummary(out, outcome, run);
      } finally {
        // Released only after the summary is printed: on Ctrl-C/SIGTERM the JVM exits when the hook returns.
        finished.countDown();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting (Ctrl-C); the hook is running.
      }
      if (outcome.interrupted()) {
        return 130;
      }
      if (outcome.tooManyFailures()) {
        System.err.println("error: " + outcome.stopReason());
        return 1;
      }
      if (outcome.snapshot().complete().isEmpty()) {
        // Scripts and CI must be able to tell that the model never ran successfully.
        System.err.println("error: no trial completed successfully; see results.csv and the logs folder");
        return 1;
      }
      return 0;
    }
  }

  private static void printSummary(PrintStream out, Study.Outcome outcome, SearchRun run) {
    var snap = outcome.snapshot();
    if (outcome.stopReason() != null && !outcome.interrupted()) {
      out.println("search ended early: " + outcome.stopReason());
    }
    out.printf("%d trials finished (%d complete) — results in %s%n", snap.finished().size(), snap.complete().size(), run.resultsDirectory());
    if (snap.best().isPresent()) {
      Trial best = snap.best().get();
      out.printf("best loss: %s (trial %d)%n", ProgressListener.fmt(best.loss()), best.number());
      out.println("best parameters: " + ProgressListener.json(best.parameters()));
    } else {
      out.println("no trial completed successfully; see results.csv and the logs folder for the errors");
    }
  }
}
